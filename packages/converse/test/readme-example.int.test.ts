import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConverseExample } from '../examples/converse-example';

/** The lines the README shows under "Output:", as printed by the example. */
function readmeOutputLines(): string[] {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const block = /Output:\n\n```\n([\s\S]*?)\n```/.exec(readme);
  if (!block) throw new Error('the README has no Output: block');
  return block[1]!.split('\n');
}

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
    // The README's Output: block is what the example prints, line for line.
    expect(lines).toEqual(readmeOutputLines());
  });
});
