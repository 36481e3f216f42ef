import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition, ConverseApiError } from '@bedrock-flow/converse';
import { AmazonBedrockModelError, amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { startStack, type Stack } from '../support/stack';
import { contentText } from '../support/components';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('the on-demand error, solved: profile-only models in the Converse component', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack({ emulator: { enforceInferenceProfiles: true } });
  });
  afterEach(() => stack.close());

  const run = (nodeId: string, extra: Record<string, unknown> = {}) =>
    createComponent(amazonBedrockConverseDefinition, stack.ctx(nodeId), { ...stack.values({ model_id: SONNET_45, region_name: 'us-east-1', max_tokens: 64, ...extra }), input_value: 'hello' });

  test('a profile-only model id gives an error naming us.<model> (and global.) in us-east-1, from discovery', async () => {
    const error = await run('converse').text_response().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConverseApiError);
    const apiError = error as ConverseApiError;
    expect(apiError.awsErrorName).toBe('ValidationException');
    expect(apiError.inferenceProfiles).toEqual([`us.${SONNET_45}`, `global.${SONNET_45}`]);
    expect(apiError.message).toContain(`with on-demand throughput isn\u2019t supported`);
    expect(apiError.message).toContain(`Inference profiles serving this model in us-east-1: us.${SONNET_45}, global.${SONNET_45}. Use one as model_id or set cross_region_inference to geo or global.`);
    // Discovery asked once, on the node's control-plane lease; nothing was retried through a profile by itself.
    const stats = stack.emu.stats();
    expect(stats.requests.byOperation).toMatchObject({ Converse: 1, ListFoundationModels: 1, ListInferenceProfiles: 1 });
    expect(stack.emu.requests().map((request) => request.modelId)).toEqual([SONNET_45]);
    // A second failure reuses the cached discovery (1 listing per TTL per credential scope).
    await expect(run('converse').text_response()).rejects.toBeInstanceOf(ConverseApiError);
    expect(stack.emu.stats().requests.byOperation.ListFoundationModels).toBe(1);
  });

  test('succeeds with cross_region_inference: geo — the emulator saw the us. profile id — and says so in the metadata', async () => {
    const response = await run('converse', { cross_region_inference: 'geo' }).text_response();
    expect(response.text.length).toBeGreaterThan(0);
    expect(response.responseMetadata?.inference_profile).toBe(`us.${SONNET_45}`);
    expect(stack.emu.requests().map((request) => [request.modelId, request.error ?? 'ok'])).toEqual([[`us.${SONNET_45}`, 'ok']]);
  });

  test('global goes through global.<model>; build_model uses the same profile', async () => {
    const model = createComponent(amazonBedrockConverseDefinition, stack.ctx('lm'), stack.values({ model_id: SONNET_45, cross_region_inference: 'global', max_tokens: 64 })).build_model();
    const message = await model.invoke('hello');
    expect(contentText(message.content).length).toBeGreaterThan(0);
    expect(message.response_metadata.inference_profile).toBe(`global.${SONNET_45}`);
    expect(stack.emu.requests().map((request) => request.modelId)).toEqual([`global.${SONNET_45}`]);
  });

  test('off is the default: never switched to a profile by itself', async () => {
    await expect(run('converse').text_response()).rejects.toBeInstanceOf(ConverseApiError);
    expect(stack.emu.requests().every((request) => request.modelId === SONNET_45)).toBe(true);
  });

  test('geo in a region without a geography is refused before any call', async () => {
    await expect(run('converse', { cross_region_inference: 'geo', region_name: 'me-central-1' }).text_response()).rejects.toThrow(/cross_region_inference.*me-central-1 has no geographic inference profile/);
    expect(stack.emu.stats().requests.total).toBe(0);
  });
});

describe('the on-demand error, solved: profile-only models in the InvokeModel component', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack({ emulator: { enforceInferenceProfiles: true } });
  });
  afterEach(() => stack.close());

  const run = (extra: Record<string, unknown> = {}) =>
    createComponent(amazonBedrockModelDefinition, stack.ctx('model'), { ...stack.values({ model_id: SONNET_45, region_name: 'us-east-1', ...extra }), input_value: 'hello' });

  test('the error names us.<model> in us-east-1; cross_region_inference geo succeeds through it and says so', async () => {
    const error = await run().text_response().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AmazonBedrockModelError);
    expect((error as AmazonBedrockModelError).inferenceProfiles).toEqual([`us.${SONNET_45}`, `global.${SONNET_45}`]);
    expect((error as Error).message).toContain(`Inference profiles serving this model in us-east-1: us.${SONNET_45}, global.${SONNET_45}.`);
    const response = await run({ cross_region_inference: 'geo' }).text_response();
    expect(response.responseMetadata?.inference_profile).toBe(`us.${SONNET_45}`);
    expect(stack.emu.requests().map((request) => [request.operation, request.modelId, request.error ?? 'ok'])).toEqual([
      ['InvokeModel', SONNET_45, 'ValidationException'],
      ['InvokeModel', `us.${SONNET_45}`, 'ok'],
    ]);
  });

  test('when the account cannot be asked, the error says so instead of naming profiles', async () => {
    stack.emu.setFaults({ serverError: { status: 500, count: 100 }, operations: ['ListFoundationModels'] });
    const error = await run({}).text_response().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as AmazonBedrockModelError).inferenceProfiles).toBeUndefined();
    expect((error as Error).message).toMatch(/inference profiles of region us-east-1 could not be listed/);
  });
});
