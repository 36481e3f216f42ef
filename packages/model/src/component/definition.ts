import {
  LANGFLOW_LEGACY_AWS_FIELDS,
  langflowPaletteIds,
  awsCredentialInputs,
  chatModelBaseInputs,
  defineComponent,
  dictInput,
  endpointUrlInput,
  modelIdInput,
  reasoningInputs,
  crossRegionInferenceInput,
  regionNameInput,
  timeoutInput,
} from '@bedrock-flow/component';
import { AMAZON_BEDROCK_MODEL_NAME, buildChatModel } from './build-chat-model';
import { textResponse, type TextResponseOptions } from './text-response';

/**
 * Langflow's legacy `AmazonBedrockModel` ("Amazon Bedrock"): the InvokeModel API through {@link ChatBedrockInvoke} on
 * this node's pooled client. Inputs, defaults and outputs match Langflow so saved flows and tweaks carry over.
 */
export const amazonBedrockModelDefinition = defineComponent({
  name: AMAZON_BEDROCK_MODEL_NAME,
  displayName: 'Amazon Bedrock',
  description:
    'Generate text using Amazon Bedrock LLMs with the legacy ChatBedrock API. This component is deprecated. ' +
    'Use the Amazon Bedrock Converse component instead for better compatibility, newer features, and improved ' +
    'conversation handling.',
  icon: 'Amazon',
  category: 'models',
  legacy: true,
  // As upstream Langflow's manifest: the Converse component replaces this one.
  replacement: 'amazon.AmazonBedrockConverseModel',
  aliases: langflowPaletteIds('amazon', AMAZON_BEDROCK_MODEL_NAME),
  // Langflow 1.0.x saved this component with `aws_access_key` / `aws_secret_key`.
  legacyFields: LANGFLOW_LEGACY_AWS_FIELDS,
  misplacedInputHint: 'AmazonBedrockModel passes sampling settings in model_kwargs (e.g. [{"temperature": 0.5}]).',
  inputs: {
    ...chatModelBaseInputs(),
    model_id: modelIdInput({ default: 'anthropic.claude-3-haiku-20240307-v1:0' }),
    ...awsCredentialInputs({ sessionToken: { advanced: false } }),
    region_name: regionNameInput(),
    model_kwargs: dictInput({
      displayName: 'Model Kwargs',
      info: 'Additional keyword arguments to pass to the model.',
      advanced: true,
    }),
    endpoint_url: endpointUrlInput(),
    timeout: timeoutInput(),
    // Reasoning (issue 24): reasoning_effort, reasoning_budget_tokens; mapped per family in reasoning-kwargs.ts.
    ...reasoningInputs(),
    // Issue 25: call through the region's geographic or the global inference profile (off by default).
    cross_region_inference: crossRegionInferenceInput(),
  },
  outputs: [
    { name: 'text_output', displayName: 'Model Response', method: 'text_response', types: ['Message'] },
    { name: 'model_output', displayName: 'Language Model', method: 'build_model', types: ['LanguageModel'] },
  ],
  methods: {
    text_response: (ctx, values, options?: TextResponseOptions) => textResponse(ctx, values, options),
    build_model: (ctx, values) => buildChatModel(ctx, values),
  },
});
