import { ComponentValidationError, type ValidationIssue } from '@bedrock-flow/component';
import {
  DEFAULT_EMBEDDING_MAX_CONCURRENCY,
  DEFAULT_EMBEDDING_MODEL_ID,
  type BedrockBatchedEmbeddingsFields,
} from '../embeddings/bedrock-batched-embeddings';
import { EMBEDDING_FAMILY_SPECS, resolveEmbeddingModelFamily } from '../embeddings/embedding-model-family';
import { listSizes } from '../embeddings/resolve-family-options';
import { EmbeddingConfigError } from '../errors/embedding-config-error';
import { COMPONENT_NAME } from './component-name';
import type { EmbeddingsValues } from './embeddings-inputs';

/** Constructor fields the component derives from its inputs (everything but the client). */
export type EmbeddingsFields = Omit<BedrockBatchedEmbeddingsFields, 'client'>;

/**
 * The `BedrockBatchedEmbeddings` fields for validated inputs. `dimensions` is forwarded to every model that takes a
 * size (Titan v2, Cohere v4, Titan multimodal, Nova multimodal) and checked against that model's own sizes here, before
 * any call; the fixed-size models (Titan v1, Cohere v3) ignore it, as the input's default cannot mean "set by the user"
 * there. `normalize` is forwarded for Titan v2 only. Throws `ComponentValidationError` naming `model_id` for a model
 * that is not a supported embedding model, or `dimensions` for a size the model does not take.
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
  const sizes = EMBEDDING_FAMILY_SPECS[family].dimensionOptions;
  if (sizes !== undefined && !sizes.includes(values.dimensions)) {
    throw new ComponentValidationError(COMPONENT_NAME, [
      {
        field: 'dimensions',
        problem: `is not a vector size of ${model.slice(0, 120)}`,
        allowed: `${listSizes(sizes)} for this model`,
        received: JSON.stringify(values.dimensions),
      },
    ]);
  }
  return {
    model,
    maxConcurrency: values.max_concurrency ?? DEFAULT_EMBEDDING_MAX_CONCURRENCY,
    ...(sizes !== undefined ? { dimensions: values.dimensions } : {}),
    ...(family === 'titan-v2' ? { normalize: values.normalize } : {}),
  };
}
