import { runConverseExample } from '../examples/converse-example';

describe('README example', () => {
  it('registers, builds twice, invokes, streams and uses the model over one warm connection', async () => {
    const lines: string[] = [];
    const result = await runConverseExample((line) => lines.push(line));
    expect(result).toEqual({
      paletteInputs: 26,
      invoked: 'Echo: Hello Bedrock',
      streamedTokens: ['Echo: ', 'Hello ', 'Bedrock'],
      modelReply: 'Echo: And again',
      connections: 1,
      requests: 3,
    });
    expect(lines).toHaveLength(5);
  });
});
