import { CREDENTIAL_LABELS } from '../../credentials/credential-labels';
import { authenticationProperty } from '../../credentials/node-credentials';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { modelProperty } from '../../parameters/model-property';
import { optionLabels, optionsCollection, type OptionSpec } from '../../parameters/options-collection';
import { stopSequencesProperty } from '../../parameters/stop-sequences';

/** The "Options" of the chat model node, each bound to an `AmazonBedrockConverseModel` input. */
export const CONVERSE_OPTIONS: readonly OptionSpec[] = [
  { parameter: 'temperature', input: 'temperature', overrides: { displayName: 'Sampling Temperature' } },
  { parameter: 'maxTokens', input: 'max_tokens', overrides: { displayName: 'Maximum Number of Tokens' } },
  { parameter: 'topP', input: 'top_p' },
  { parameter: 'topK', input: 'top_k' },
  { parameter: 'additionalModelFields', input: 'additional_model_fields' },
  { parameter: 'disableStreaming', input: 'disable_streaming' },
  {
    parameter: 'timeout',
    input: 'timeout',
    overrides: {
      default: 900,
      description:
        'Seconds to wait for the model: the whole answer of a non-streaming call, the longest silence of a stream. Without this option: 15 min for an answer, 30 s of silence for a stream. A call that times out after it was sent is not retried (it may be billed).',
    },
  },
  // Reasoning (issue 24): the component maps the effort per model family and leaves out the sampling defaults it refuses.
  { parameter: 'reasoningEffort', input: 'reasoning_effort' },
  { parameter: 'reasoningBudgetTokens', input: 'reasoning_budget_tokens' },
];

/** The node's parameters: the authentication (which credential), the model (list or free text) and the options collection. */
export const converseProperties = [
  authenticationProperty,
  modelProperty(amazonBedrockConverseDefinition, 'searchModels'),
  optionsCollection(amazonBedrockConverseDefinition, CONVERSE_OPTIONS, [stopSequencesProperty]),
];

/** Labels for error messages: component input -> what the user sees. */
export const CONVERSE_LABELS: Readonly<Record<string, string>> = {
  ...CREDENTIAL_LABELS,
  ...optionLabels(amazonBedrockConverseDefinition, CONVERSE_OPTIONS),
  model_id: 'Model',
  stop_sequences: 'Options › Stop Sequences',
};
