import { BedrockPool, type ClientConfig } from '@bedrock-flow/bedrock-pool';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { createBedrockRegistry } from '../src/components/bedrock-registry';
import { refreshManifestModels } from '../src/components/refresh-manifest-models';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('the flow-runner refreshes a palette manifest from model discovery', () => {
  let emu: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;
  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
    pool = new BedrockPool({ defaults: { tls: { ca: emu.ca! } } });
    config = { region: 'eu-west-1', endpoint: emu.url, credentials: { kind: 'static', ...TEST_CREDENTIALS, origin: 'node' } };
  });
  afterAll(async () => {
    await pool.close();
    await emu.close();
  });

  test('every model_id dropdown lists what the account can call in the region: chat models and their eu./global. profiles, embedding models', async () => {
    const manifest = createBedrockRegistry().manifest();
    const refreshed = await refreshManifestModels(manifest, { ...config, pool });
    expect(refreshed.source).toBe('live');
    const options = (name: string) => refreshed.manifest.components.find((c) => c.name === name)!.inputs.find((i) => i.name === 'model_id')!.options!;
    expect(options('AmazonBedrockConverseModel')).toEqual(expect.arrayContaining([SONNET_45, `eu.${SONNET_45}`, `global.${SONNET_45}`]));
    expect(options('AmazonBedrockConverseModel').some((id) => id.startsWith('us.'))).toBe(false);
    expect(options('AmazonBedrockModel')).toEqual(options('AmazonBedrockConverseModel'));
    expect(options('AmazonBedrockEmbeddings')).toEqual(['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3']);
    // The input manifest is left as it was.
    expect(manifest.components[0]!.inputs.find((i) => i.name === 'model_id')!.options).not.toContain(`eu.${SONNET_45}`);
    expect(emu.stats().requests.byOperation.ListFoundationModels).toBe(1);
  });

  test('when the account cannot be asked, the static manifest comes back, said so with the reason', async () => {
    const manifest = createBedrockRegistry().manifest();
    const refused = await refreshManifestModels(manifest, { ...config, credentials: { kind: 'static', accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong-secret', origin: 'node' }, pool, retry: { maxAttempts: 1 } });
    expect(refused.source).toBe('static');
    expect(refused.manifest).toBe(manifest);
    expect(refused.reason).toMatch(/^InvalidSignatureException/);
    expect(refused.reason).not.toContain('wrong-secret');
  });
});
