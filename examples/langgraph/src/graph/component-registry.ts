import { ComponentRegistry } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';

/** The components a flow node may name: Converse and InvokeModel chat models, and embeddings. */
export const flowComponents = new ComponentRegistry([
  amazonBedrockConverseDefinition,
  amazonBedrockModelDefinition,
  amazonBedrockEmbeddingsDefinition,
]);
