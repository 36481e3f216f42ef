import { runComponentExample } from '../examples/define-component-example';

describe('README example', () => {
  it('builds the manifest, resolves credentials from host variables and reports every bad field', async () => {
    const lines: string[] = [];
    const { manifest, described, legacy, withApiKey, message } = await runComponentExample((line) => lines.push(line));
    expect(JSON.parse(manifest).components[0].name).toBe('BedrockClientConfigProbe');
    expect(manifest).not.toContain('example/secret');
    expect(described).toEqual({ region: 'eu-west-1', endpoint: undefined, credentials: 'static' });
    expect(message).toMatch(/^Invalid inputs for BedrockClientConfigProbe: region_name: .*; temperature: Too big/);
    expect(legacy).toEqual({ region: 'us-east-1', endpoint: undefined, credentials: 'static' });
    expect(withApiKey).toEqual({ region: 'us-east-1', endpoint: undefined, credentials: 'bearer' });
    expect(lines.join('\n')).not.toContain('ABSKZXhhbXBsZQ');
    expect(lines).toHaveLength(4);
  });
});
