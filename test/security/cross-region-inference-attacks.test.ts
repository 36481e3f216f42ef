import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { startStack, type Stack } from '../support/stack';

/**
 * Issue 25, `cross_region_inference` (off / geo / global) attacked by a flow author and a careless user: data never
 * leaves the node's geography by itself, a value the input cannot mean is refused before any request, an id that already
 * names a profile is never widened (`us.` never becomes `global.`, `eu.` never `us.eu.`), and the output metadata names
 * the inference profile whenever the id called is one under a cross-region mode (the emulator records the id it saw).
 */

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ graphId: 'cross-region-attacks' });
});
afterAll(() => stack?.close());
beforeEach(() => stack.emu.resetStats());

async function call(nodeId: string, extra: Record<string, unknown>) {
  const node = createComponent(amazonBedrockConverseDefinition, stack.ctx(nodeId), { ...stack.values({ model_id: HAIKU, region_name: 'us-east-1', max_tokens: 16, ...extra }), input_value: 'hello' });
  const response = await node.text_response();
  return { metadata: response.responseMetadata as Record<string, unknown> | undefined, sent: stack.emu.requests().map((request) => request.modelId) };
}

describe('a value cross_region_inference cannot mean is refused before any request', () => {
  it.each([['GEO'], ['Global'], ['on'], ['eu'], ['us'], [true], [1], [{ mode: 'geo' }], [['geo']], ['geo; global']])('%p: one error naming cross_region_inference, 0 requests', async (mode) => {
    const error = await call('bad-mode', { cross_region_inference: mode }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/cross_region_inference/);
    expect(stack.emu.stats().requests.total).toBe(0);
  });

  it.each(['me-central-1', 'il-central-1', 'sa-east-1', 'af-south-1', 'mx-central-1'])('geo in %s (no geographic profile): refused, never widened to global', async (region) => {
    const error = await call('no-geo', { cross_region_inference: 'geo', region_name: region }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(new RegExp(`cross_region_inference.*${region}`));
    expect(stack.emu.stats().requests.total).toBe(0);
  });
});

describe('the id called is never widened, and the metadata names it', () => {
  it.each([
    ['geo, a us. id', 'geo', `us.${HAIKU}`],
    ['global, a us. id (never widened to global.)', 'global', `us.${HAIKU}`],
    ['geo, an eu. id in us-east-1 (never prefixed again)', 'geo', `eu.${HAIKU}`],
    ['geo, an apac. id in us-east-1', 'geo', `apac.${HAIKU}`],
    ['global, a system-defined profile ARN', 'global', `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU}`],
  ])('%s: sent as written, metadata.inference_profile is that id', async (_label, mode, modelId) => {
    const { metadata, sent } = await call('as-written', { cross_region_inference: mode, model_id: modelId });
    expect(sent).toEqual([modelId]);
    expect(metadata?.inference_profile).toBe(modelId);
  });

  it('geo with an application profile ARN of another account and region: sent as written, and the metadata names that profile', async () => {
    const arn = 'arn:aws:bedrock:eu-west-1:999999999999:application-inference-profile/abc123xyz';
    // The emulator knows no such profile (it answers an error): the id it saw is what matters on the wire.
    await call('app-arn', { cross_region_inference: 'geo', model_id: arn }).catch(() => undefined);
    expect(stack.emu.requests().map((request) => request.modelId)).toEqual([arn]);
    // What the component reports for it: an application profile may route anywhere, so it is named as the profile used.
    const model = createComponent(amazonBedrockConverseDefinition, stack.ctx('app-arn-model'), stack.values({ model_id: arn, cross_region_inference: 'geo' })).build_model();
    expect([model.model, model.inferenceProfile]).toEqual([arn, arn]);
  });

  it('geo with a foundation-model ARN: sent as written (one region), and no profile is claimed', async () => {
    const arn = `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`;
    const { metadata, sent } = await call('fm-arn', { cross_region_inference: 'geo', model_id: arn });
    expect(sent).toEqual([arn]);
    expect(metadata?.inference_profile).toBeUndefined();
  });

  it('off (the default) with a bare id: the bare id, no profile claimed', async () => {
    const { metadata, sent } = await call('off', {});
    expect(sent).toEqual([HAIKU]);
    expect(metadata?.inference_profile).toBeUndefined();
  });
});
