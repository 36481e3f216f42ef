import { ComponentValidationError, type ValidationIssue } from '@bedrock-flow/component';
import {
  DEFAULT_EMBEDDING_MAX_CONCURRENCY,
  DEFAULT_EMBEDDING_MODEL_ID,
  type BedrockBatchedEmbeddingsFields,
} from '../embeddings/bedrock-batched-embeddings';
import { resolveEmbeddingModelFamily } from '../embeddings/embedding-model-family';
import { EmbeddingConfigError } from '../errors/embedding-config-error';
import { COMPONENT_NAME } from './component-name';
import type { EmbeddingsValues } from './embeddings-inputs';

/** Constructor fields the component derives from its inputs (everything but the client). */
export type EmbeddingsFields = Omit<BedrockBatchedEmbeddingsFields, 'client'>;

/**
 * The `BedrockBatchedEmbeddings` fields for validated inputs: `dimensions`/`normalize` are forwarded
 * for Titan v2 only (the inputs have defaults, so they cannot mean "set by the user" on other
 * models). Throws `ComponentValidationError` for a model that is not a supported embedding model.
 */
export function embeddingsFields(values: EmbeddingsValues): EmbeddingsFields {
  const model = values.model_id ?? DEFAULT_EMBEDDING_MODEL_ID;
  let family;
  try {
    family = resolveEmbeddingModelFamily(model);
  } catch (error) {
    if (!(error instanceof EmbeddingConfigError)) throw error;
    const issue: ValidationIssue = {
      field: 'model_id',
      problem: 'is not a supported embedding model',
      allowed: error.allowed,
      received: JSON.stringify(model.slice(0, 120)),
    };
    throw new ComponentValidationError(COMPONENT_NAME, [issue]);
  }
  return {
    model,
    maxConcurrency: values.max_concurrency ?? DEFAULT_EMBEDDING_MAX_CONCURRENCY,
    ...(family === 'titan-v2' ? { dimensions: values.dimensions, normalize: values.normalize } : {}),
  };
}
