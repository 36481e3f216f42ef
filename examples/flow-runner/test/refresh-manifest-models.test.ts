import type { ClientConfig } from '@bedrock-flow/bedrock-pool';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { createBedrockRegistry } from '../src/components/bedrock-registry';
import { refreshManifestModels } from '../src/components/refresh-manifest-models';
import { startFlowRunnerStack, type FlowRunnerStack } from './support/flow-runner-stack';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('the flow-runner refreshes a palette manifest from model discovery', () => {
  let stack: FlowRunnerStack;
  let config: ClientConfig;
  beforeAll(async () => {
    stack = await startFlowRunnerStack();
    config = { region: 'eu-west-1', endpoint: stack.emulator.url, credentials: { kind: 'static', ...TEST_CREDENTIALS, origin: 'node' } };
  });
  afterAll(() => stack.close());

  test('every model_id dropdown lists what the account can call in the region: chat models and their eu./global. profiles, embedding models', async () => {
    const manifest = createBedrockRegistry().manifest();
    const refreshed = await refreshManifestModels(manifest, { ...config, pool: stack.pool });
    expect(refreshed.source).toBe('live');
    const options = (name: string) => refreshed.manifest.components.find((c) => c.name === name)!.inputs.find((i) => i.name === 'model_id')!.options!;
    expect(options('AmazonBedrockConverseModel')).toEqual(expect.arrayContaining([SONNET_45, `eu.${SONNET_45}`, `global.${SONNET_45}`]));
    expect(options('AmazonBedrockConverseModel').some((id) => id.startsWith('us.'))).toBe(false);
    expect(options('AmazonBedrockModel')).toEqual(options('AmazonBedrockConverseModel'));
    expect(options('AmazonBedrockEmbeddings')).toEqual(['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3']);
    // The input manifest is left as it was.
    expect(manifest.components[0]!.inputs.find((i) => i.name === 'model_id')!.options).not.toContain(`eu.${SONNET_45}`);
    expect(stack.emulator.stats().requests.byOperation.ListFoundationModels).toBe(1);
  });

  test('when the account cannot be asked, the static manifest comes back, said so with the reason', async () => {
    const manifest = createBedrockRegistry().manifest();
    const refused = await refreshManifestModels(manifest, { ...config, credentials: { kind: 'static', accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong-secret', origin: 'node' }, pool: stack.pool, retry: { maxAttempts: 1 } });
    expect(refused.source).toBe('static');
    expect(refused.manifest).toBe(manifest);
    expect(refused.reason).toMatch(/^InvalidSignatureException/);
    expect(refused.reason).not.toContain('wrong-secret');
  });
});
