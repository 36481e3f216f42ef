import {
  awsCredentialInputs,
  boolInput,
  chatModelBaseInputs,
  crossRegionInferenceInput,
  dictInput,
  endpointUrlInput,
  floatInput,
  intInput,
  modelIdInput,
  reasoningInputs,
  regionNameInput,
  timeoutInput,
  type InputValues,
} from '@bedrock-flow/component';
import { converseFeatureInputs } from './features/converse-feature-inputs';

/** Where values outside the Converse ranges go: the model's own request fields reach the wire untouched. */
const WIDER_VALUES_NOTE = 'model-specific values outside this range go in additional_model_fields, which reach the model untouched';

/**
 * Inputs of `AmazonBedrockConverseModel`, in Langflow's order, with Langflow's names, labels, defaults and flags.
 * Ranges are the Converse API's own (`InferenceConfiguration`: temperature and topP in [0, 1], maxTokens >= 1) and
 * Anthropic's top_k in [0, 500]; wider model-specific values go through `additional_model_fields`.
 * Then the bedrock-flow additions, all advanced: prompt caching, guardrail and latency optimization, the timeout, and
 * reasoning effort and budget.
 */
export const converseInputs = {
  ...chatModelBaseInputs(),
  model_id: modelIdInput({ default: 'anthropic.claude-3-5-sonnet-20241022-v2:0' }),
  ...awsCredentialInputs(),
  region_name: regionNameInput(),
  endpoint_url: endpointUrlInput(),
  temperature: floatInput({
    displayName: 'Temperature',
    info: 'Controls randomness in output. Higher values make output more random.',
    default: 0.7,
    min: 0,
    max: 1,
    allowedNote: WIDER_VALUES_NOTE,
    advanced: true,
  }),
  max_tokens: intInput({
    displayName: 'Max Tokens',
    info: 'Maximum number of tokens to generate.',
    default: 4096,
    min: 1,
    allowedNote: WIDER_VALUES_NOTE,
    advanced: true,
  }),
  top_p: floatInput({
    displayName: 'Top P',
    info: 'Nucleus sampling parameter. Controls diversity of output.',
    default: 0.9,
    min: 0,
    max: 1,
    allowedNote: WIDER_VALUES_NOTE,
    advanced: true,
  }),
  top_k: intInput({
    displayName: 'Top K',
    info: "Limits the number of highest probability vocabulary tokens to consider. Note: Not all models support top_k. Use 'Additional Model Fields' for manual configuration if needed.",
    default: 250,
    min: 0,
    max: 500,
    allowedNote: WIDER_VALUES_NOTE,
    advanced: true,
  }),
  disable_streaming: boolInput({
    displayName: 'Disable Streaming',
    info: 'If True, disables streaming responses. Useful for batch processing.',
    default: false,
    advanced: true,
  }),
  additional_model_fields: dictInput({
    displayName: 'Additional Model Fields',
    info: 'Additional model-specific parameters for fine-tuning behavior.',
    default: {},
    advanced: true,
  }),
  ...converseFeatureInputs(),
  timeout: timeoutInput(),
  // Reasoning (issue 24): reasoning_effort, reasoning_budget_tokens; mapped per family in features/reasoning-fields.ts.
  ...reasoningInputs(),
  // Issue 25: call through the region's geographic or the global inference profile (off by default).
  cross_region_inference: crossRegionInferenceInput(),
};

/** Validated values of {@link converseInputs}, as `build_model` and `text_response` receive them. */
export type ConverseValues = InputValues<typeof converseInputs>;
