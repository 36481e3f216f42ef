/**
 * Bedrock's own ranges stay (Converse inferenceConfig temperature/topP 0–1, maxTokens >= 1, Anthropic top_k 0–500),
 * and the error says where wider model-specific values go: `additional_model_fields` (Converse) and `model_kwargs`
 * (InvokeModel), which reach the wire untouched. The out-of-range value is refused before any request; the same value
 * in the dict is sent exactly as given.
 */
import { ComponentValidationError, createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ graphId: 'flow-wider-values' });
});
afterAll(async () => stack?.close());
beforeEach(() => stack.emu.resetStats());

const WIDER = { top_k: 900, temperature: 1.6, reasoning_config: { type: 'enabled', budget_tokens: 2048 }, nested: [1, { deep: null }] };

test.each([
  ['temperature', 1.6],
  ['top_k', 900],
])('Converse %s %p: one issue naming additional_model_fields, no request', async (field, value) => {
  const error = (await Promise.resolve()
    .then(() => createComponent(amazonBedrockConverseDefinition, stack.ctx(`converse-${field}`), stack.values({ input_value: 'hi', [field]: value })).text_response())
    .catch((e: unknown) => e)) as ComponentValidationError;
  expect(error).toBeInstanceOf(ComponentValidationError);
  expect(error.issues.map((issue) => issue.field)).toEqual([field]);
  expect(error.issues[0]!.allowed).toMatch(/additional_model_fields, which reach the model untouched/);
  expect(stack.emu.stats().requests.total).toBe(0);
});

test('Converse: the same values in additional_model_fields reach additionalModelRequestFields untouched', async () => {
  const converse = createComponent(amazonBedrockConverseDefinition, stack.ctx('converse-wide'), stack.values({
    input_value: 'hi', model_id: 'anthropic.claude-3-haiku-20240307-v1:0', additional_model_fields: [WIDER],
  }));
  await converse.text_response();
  const [request] = stack.emu.requests();
  expect(request?.operation).toBe('Converse');
  expect((request?.body as { additionalModelRequestFields?: unknown }).additionalModelRequestFields).toEqual(WIDER);
});

test('InvokeModel: model_kwargs reach the model body untouched; the model itself judges their range', async () => {
  // Within Mistral's own limits (the emulator checks them, as Bedrock does), plus a field the component knows nothing of.
  const kwargs = { top_k: 150, temperature: 0.35, custom_field: { keep: [true, 'as is'] } };
  const model = createComponent(amazonBedrockModelDefinition, stack.ctx('model-wide'), stack.values({
    input_value: 'hi', model_id: 'mistral.mistral-large-2407-v1:0', model_kwargs: kwargs,
  }));
  await model.text_response();
  const [request] = stack.emu.requests();
  expect(request?.operation).toBe('InvokeModel');
  expect(request?.body).toMatchObject(kwargs);
  // Out of the model's range: the component sends it as is and the model's own ValidationException comes back.
  const tooHot = createComponent(amazonBedrockModelDefinition, stack.ctx('model-too-hot'), stack.values({
    input_value: 'hi', model_id: 'mistral.mistral-large-2407-v1:0', model_kwargs: { temperature: 1.6 },
  }));
  const error = (await tooHot.text_response().catch((e: unknown) => e)) as Error;
  expect(error.message).toMatch(/ValidationException: .*'1\.6' at 'temperature'/);
  expect((stack.emu.requests().at(-1)?.body as { temperature?: number }).temperature).toBe(1.6);
});
