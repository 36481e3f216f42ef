import { defineComponent, langflowPaletteIds, LANGFLOW_LEGACY_AWS_FIELDS } from '@bedrock-flow/component';
import { buildEmbeddings } from './build-embeddings';
import { COMPONENT_NAME } from './component-name';
import { embeddingsInputs } from './embeddings-inputs';

/**
 * `AmazonBedrockEmbeddings` ("Amazon Bedrock Embeddings"): Langflow's Bedrock embeddings component.
 * Output `embeddings` "Embeddings" (`build_embeddings`): a `BedrockBatchedEmbeddings` on the node's
 * pooled client. Register it with a `ComponentRegistry`.
 */
export const amazonBedrockEmbeddingsDefinition = defineComponent({
  name: COMPONENT_NAME,
  displayName: 'Amazon Bedrock Embeddings',
  description: 'Generate embeddings using Amazon Bedrock models.',
  icon: 'Amazon',
  category: 'embeddings',
  aliases: langflowPaletteIds('amazon', COMPONENT_NAME),
  // Langflow 1.0.x saved this component with `aws_access_key` / `aws_secret_key`.
  legacyFields: LANGFLOW_LEGACY_AWS_FIELDS,
  inputs: embeddingsInputs,
  outputs: [{ name: 'embeddings', displayName: 'Embeddings', method: 'build_embeddings', types: ['Embeddings'] }],
  methods: {
    build_embeddings: buildEmbeddings,
  },
});
