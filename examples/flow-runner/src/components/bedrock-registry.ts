import { ComponentRegistry } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '@bedrock-flow/knowledge-base';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';

/** The four bedrock-flow components, registered under their names. */
export function createBedrockRegistry(): ComponentRegistry {
  return new ComponentRegistry([amazonBedrockConverseDefinition, amazonBedrockModelDefinition, amazonBedrockEmbeddingsDefinition, amazonBedrockKnowledgeBaseRetrieverDefinition]);
}
