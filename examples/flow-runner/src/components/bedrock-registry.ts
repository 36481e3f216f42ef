import { ComponentRegistry } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';

/** The three bedrock-flow components, registered under their Langflow names. */
export function createBedrockRegistry(): ComponentRegistry {
  return new ComponentRegistry([amazonBedrockConverseDefinition, amazonBedrockModelDefinition, amazonBedrockEmbeddingsDefinition]);
}
