import { defineComponent, langflowPaletteIds, LANGFLOW_LEGACY_AWS_FIELDS } from '@bedrock-flow/component';
import { buildChatModel } from './build-chat-model';
import { COMPONENT_NAME } from './component-name';
import { converseInputs } from './converse-inputs';
import { VALIDATION_ERROR_PREFIX } from './errors/error-prefixes';
import { textResponse } from './text-response';
import { textResponseStream } from './text-response-stream';

/**
 * `AmazonBedrockConverseModel` ("Amazon Bedrock Converse", beta): Langflow's Converse component. Outputs
 * `text_output` "Model Response" (`text_response`) and `model_output` "Language Model" (`build_model`, a
 * `ChatBedrockConverse` on the node's pooled client). Register it with a `ComponentRegistry`.
 */
export const amazonBedrockConverseDefinition = defineComponent({
  name: COMPONENT_NAME,
  displayName: 'Amazon Bedrock Converse',
  description: 'Generate text using Amazon Bedrock LLMs with the modern Converse API for improved conversation handling.',
  icon: 'Amazon',
  category: 'models',
  beta: true,
  aliases: langflowPaletteIds('amazon', COMPONENT_NAME),
  legacyFields: LANGFLOW_LEGACY_AWS_FIELDS,
  inputs: converseInputs,
  outputs: [
    { name: 'text_output', displayName: 'Model Response', method: 'text_response', types: ['Message'] },
    { name: 'model_output', displayName: 'Language Model', method: 'build_model', types: ['LanguageModel'] },
  ],
  methods: {
    text_response: textResponse,
    build_model: buildChatModel,
    // Not a Langflow output: the streamed "Model Response" as an async iterator of tokens, for hosts that pipe it.
    text_response_stream: textResponseStream,
  },
  validationErrorPrefix: VALIDATION_ERROR_PREFIX,
});
