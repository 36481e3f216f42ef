import type { INodeProperties } from 'n8n-workflow';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { CREDENTIAL_LABELS } from '../../credentials/credential-labels';
import { authenticationProperty } from '../../credentials/node-credentials';
import { modelProperty } from '../../parameters/model-property';
import { optionLabels, optionsCollection, type OptionSpec } from '../../parameters/options-collection';
import type { ParameterBinding } from '../../parameters/parameter-binding';
import { propertyFromInput } from '../../parameters/property-from-input';

/** Top-level text parameters, each bound to an `AmazonBedrockModel` input. */
export const INVOKE_TEXT_PARAMETERS: readonly ParameterBinding[] = [
  { parameter: 'prompt', input: 'input_value', label: 'Prompt' },
  { parameter: 'systemMessage', input: 'system_message', label: 'System Message' },
];

/** The "Options" of the InvokeModel node: the component's model kwargs (body fields) and streaming. */
export const INVOKE_OPTIONS: readonly OptionSpec[] = [
  {
    parameter: 'modelKwargs',
    input: 'model_kwargs',
    overrides: {
      displayName: 'Model Kwargs',
      description: 'Body fields of the model family merged over the request, e.g. {"temperature": 0.2, "max_tokens": 512} for Anthropic or {"textGenerationConfig": {"temperature": 0.2}} for Titan',
    },
  },
  { parameter: 'stream', input: 'stream', overrides: { description: 'Read the answer through InvokeModelWithResponseStream (the node still outputs the whole text)' } },
  {
    parameter: 'timeout',
    input: 'timeout',
    overrides: {
      default: 900,
      description:
        'Seconds to wait for the model: the whole answer, or with Stream the longest silence. Without this option: 15 min for an answer, 30 s of silence for a stream. A call that times out after it was sent is not retried (it may be billed).',
    },
  },
];

/** The node's parameters: authentication (which credential), model, prompt, system message, options. */
export const invokeModelProperties: INodeProperties[] = [
  authenticationProperty,
  modelProperty(amazonBedrockModelDefinition, 'searchModels'),
  propertyFromInput(amazonBedrockModelDefinition, 'input_value', 'prompt', {
    displayName: 'Prompt',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. Summarize {{ $json.text }}',
    typeOptions: { rows: 4 },
    description: 'The user message sent to the model',
  }),
  propertyFromInput(amazonBedrockModelDefinition, 'system_message', 'systemMessage', { typeOptions: { rows: 2 } }),
  optionsCollection(amazonBedrockModelDefinition, INVOKE_OPTIONS),
];

/** Labels for error messages: component input -> what the user sees. */
export const INVOKE_LABELS: Readonly<Record<string, string>> = {
  ...CREDENTIAL_LABELS,
  ...optionLabels(amazonBedrockModelDefinition, INVOKE_OPTIONS),
  ...Object.fromEntries(INVOKE_TEXT_PARAMETERS.map((binding) => [binding.input, binding.label ?? binding.parameter])),
  model_id: 'Model',
};
