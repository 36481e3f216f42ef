import type { ChatBedrockConverseInput } from '@langchain/aws';
import { mergeDicts, modelProvider } from '@bedrock-flow/component';
import { COMPONENT_NAME } from './component-name';
import type { ConverseValues } from './converse-inputs';
import { guardrailConfigOf, type ConverseGuardrailConfig } from './features/guardrail-config';
import { converseReasoningPlan, reasoningRequestFields } from './features/reasoning-fields';
import type { ReasoningPlan } from '@bedrock-flow/component';

/** The `ChatBedrockConverse` fields derived from the component's inputs (client and region excluded). */
export interface ChatModelFields {
  model: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  /** Merged Top K and `additional_model_fields` (JSON values). */
  additionalModelRequestFields?: ChatBedrockConverseInput['additionalModelRequestFields'];
  disableStreaming?: boolean;
  /** `prompt_caching`: a cache point after the system prompt. */
  promptCaching?: boolean;
  /** `guardrail_identifier` / `guardrail_version` / `guardrail_trace`. */
  guardrailConfig?: ConverseGuardrailConfig;
  /** `performance_config_latency` when `optimized` (`standard` is Bedrock's default and is not sent). */
  performanceConfig?: { latency: 'optimized' };
}

/** {@link chatModelFields} and the reasoning plan they were made with (for the response metadata). */
export interface ChatModelFieldsWithPlan {
  fields: ChatModelFields;
  reasoning: ReasoningPlan;
}

/** Model ids whose family takes `top_k` in `additionalModelRequestFields` (after the geo prefix is stripped). */
function takesTopK(modelId: string): boolean {
  return modelProvider(modelId) === 'anthropic';
}

/**
 * Maps the inputs to `ChatBedrockConverse` fields, forwarding only values that are set: temperature, max tokens and
 * top P go to `inferenceConfig`; Top K goes to `additionalModelRequestFields.top_k` only for Anthropic models
 * (`anthropic.`, `us.anthropic.`, ARNs …); `additional_model_fields` dicts are merged in order over it (last wins).
 * `disable_streaming: true` makes `.stream()` fall back to one invoke. The bedrock-flow additions: `prompt_caching` ->
 * `promptCaching`, the guardrail inputs -> `guardrailConfig` (identifier and version together, else a validation
 * error), `performance_config_latency: optimized` -> `performanceConfig`.
 */
export function chatModelFields(values: ConverseValues): ChatModelFields {
  return chatModelFieldsWithPlan(values).fields;
}

/**
 * As {@link chatModelFields}, with the reasoning plan: `reasoning_effort` adds the family's field to
 * `additionalModelRequestFields` (see features/reasoning-fields.ts) and leaves out the sampling defaults the model
 * refuses with reasoning on (Claude: temperature, top_p, top_k; Nova 2 at high: all and max tokens); Claude's max
 * tokens grow by the thinking budget when they were the default.
 */
export function chatModelFieldsWithPlan(values: ConverseValues): ChatModelFieldsWithPlan {
  const model = values.model_id ?? 'anthropic.claude-3-5-sonnet-20241022-v2:0';
  const reasoning = converseReasoningPlan(values, model);
  const leftOut = new Set(reasoning.leftOut);
  const fields: ChatModelFields = { model };
  if (values.temperature !== undefined && !leftOut.has('temperature')) fields.temperature = values.temperature;
  if (values.max_tokens !== undefined && !leftOut.has('maxTokens')) fields.maxTokens = values.max_tokens;
  if (reasoning.maxTokens !== undefined) fields.maxTokens = reasoning.maxTokens;
  if (values.top_p !== undefined && !leftOut.has('topP')) fields.topP = values.top_p;
  const additional: Record<string, unknown> = {};
  if (values.top_k !== undefined && takesTopK(model) && !leftOut.has('topK')) additional.top_k = values.top_k;
  Object.assign(additional, reasoningRequestFields(reasoning));
  Object.assign(additional, mergeDicts(values.additional_model_fields, { field: 'additional_model_fields', component: COMPONENT_NAME }));
  if (Object.keys(additional).length > 0) fields.additionalModelRequestFields = additional as ChatBedrockConverseInput['additionalModelRequestFields'];
  if (values.disable_streaming) fields.disableStreaming = true;
  if (values.prompt_caching) fields.promptCaching = true;
  const guardrailConfig = guardrailConfigOf(values);
  if (guardrailConfig) fields.guardrailConfig = guardrailConfig;
  if (values.performance_config_latency === 'optimized') fields.performanceConfig = { latency: 'optimized' };
  return { fields, reasoning };
}
