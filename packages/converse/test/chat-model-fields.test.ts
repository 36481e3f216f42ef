import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition, chatModelFields } from '../src';

const ctx: ComponentContext = { graphId: 'g', nodeId: 'n', pool: { acquire: () => { throw new Error('unused'); } }, env: {} };
const fieldsFor = (raw: Record<string, unknown>) => chatModelFields(createComponent(amazonBedrockConverseDefinition, ctx, raw).values);

describe('chatModelFields', () => {
  it('forwards the defaults: inference config and top_k for the default Anthropic model', () => {
    expect(fieldsFor({})).toEqual({
      model: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
      temperature: 0.7,
      maxTokens: 4096,
      topP: 0.9,
      additionalModelRequestFields: { top_k: 250 },
    });
  });

  it.each([
    ['anthropic.claude-3-haiku-20240307-v1:0', true],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', true],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', true],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0', true],
    ['meta.llama3-8b-instruct-v1:0', false],
    ['us.meta.llama3-2-1b-instruct-v1:0', false],
    ['amazon.titan-text-express-v1', false],
  ])('Top K for %s: %s', (model_id, forwarded) => {
    const fields = fieldsFor({ model_id, top_k: 40 });
    expect(fields.additionalModelRequestFields?.['top_k' as never]).toBe(forwarded ? 40 : undefined);
  });

  it('merges additional_model_fields in order over top_k', () => {
    const fields = fieldsFor({ top_k: 40, additional_model_fields: [{ top_k: 10, a: 1 }, { a: 2, b: { c: true } }] });
    expect(fields.additionalModelRequestFields).toEqual({ top_k: 10, a: 2, b: { c: true } });
  });

  it('forwards only values that are set, and disable_streaming only when on', () => {
    const fields = fieldsFor({ model_id: 'meta.llama3-8b-instruct-v1:0', temperature: null, max_tokens: '', top_p: null, disable_streaming: true });
    expect(fields).toEqual({ model: 'meta.llama3-8b-instruct-v1:0', disableStreaming: true });
    expect(fieldsFor({ top_k: null, additional_model_fields: [] }).additionalModelRequestFields).toBeUndefined();
  });

  it('maps the feature inputs: prompt caching, guardrail (trace defaults to disabled), optimized latency only', () => {
    const fields = fieldsFor({
      model_id: 'meta.llama3-8b-instruct-v1:0',
      prompt_caching: 'true',
      guardrail_identifier: 'arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123',
      guardrail_version: '7',
      performance_config_latency: 'optimized',
    });
    expect(fields).toMatchObject({
      promptCaching: true,
      guardrailConfig: { guardrailIdentifier: 'arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123', guardrailVersion: '7', trace: 'disabled' },
      performanceConfig: { latency: 'optimized' },
    });
    expect(fieldsFor({ performance_config_latency: 'standard', prompt_caching: false })).not.toHaveProperty('performanceConfig');
    expect(fieldsFor({ guardrail_trace: 'enabled_full' })).not.toHaveProperty('guardrailConfig');
  });
});
