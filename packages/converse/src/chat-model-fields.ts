import type { ChatBedrockConverseInput } from '@langchain/aws';
import { mergeDicts, modelProvider } from '@bedrock-flow/component';
import { COMPONENT_NAME } from './component-name';
import type { ConverseValues } from './converse-inputs';

/** The `ChatBedrockConverse` fields derived from the component's inputs (client and region excluded). */
export interface ChatModelFields {
  model: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  /** Merged Top K and `additional_model_fields` (JSON values). */
  additionalModelRequestFields?: ChatBedrockConverseInput['additionalModelRequestFields'];
  disableStreaming?: boolean;
}

/** Model ids whose family takes `top_k` in `additionalModelRequestFields` (after the geo prefix is stripped). */
function takesTopK(modelId: string): boolean {
  return modelProvider(modelId) === 'anthropic';
}

/**
 * Maps the inputs to `ChatBedrockConverse` fields, forwarding only values that are set: temperature, max tokens and
 * top P go to `inferenceConfig`; Top K goes to `additionalModelRequestFields.top_k` only for Anthropic models
 * (`anthropic.`, `us.anthropic.`, ARNs …); `additional_model_fields` dicts are merged in order over it (last wins).
 * `disable_streaming: true` makes `.stream()` fall back to one invoke.
 */
export function chatModelFields(values: ConverseValues): ChatModelFields {
  const model = values.model_id ?? 'anthropic.claude-3-5-sonnet-20241022-v2:0';
  const fields: ChatModelFields = { model };
  if (values.temperature !== undefined) fields.temperature = values.temperature;
  if (values.max_tokens !== undefined) fields.maxTokens = values.max_tokens;
  if (values.top_p !== undefined) fields.topP = values.top_p;
  const additional: Record<string, unknown> = {};
  if (values.top_k !== undefined && takesTopK(model)) additional.top_k = values.top_k;
  Object.assign(additional, mergeDicts(values.additional_model_fields, { field: 'additional_model_fields', component: COMPONENT_NAME }));
  if (Object.keys(additional).length > 0) fields.additionalModelRequestFields = additional as ChatBedrockConverseInput['additionalModelRequestFields'];
  if (values.disable_streaming) fields.disableStreaming = true;
  return fields;
}
