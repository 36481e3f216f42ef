import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/** Langflow-style prefix of {@link EmbeddingsInitializationError} messages. */
export const EMBEDDINGS_INITIALIZATION_ERROR_PREFIX = 'Could not initialize BedrockEmbeddings: ';

/**
 * `build_embeddings` could not lease a client from the pool (pool closed, config refused) or build the
 * embeddings. Message: `Could not initialize BedrockEmbeddings: <reason>`; the original error is `cause`.
 */
export class EmbeddingsInitializationError extends BedrockFlowError {
  declare readonly code: 'ERR_EMBEDDINGS_INITIALIZATION_FAILED';

  constructor(reason: string, cause?: unknown) {
    super('ERR_EMBEDDINGS_INITIALIZATION_FAILED', `${EMBEDDINGS_INITIALIZATION_ERROR_PREFIX}${reason}`, { cause });
  }
}
