import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/**
 * Thrown by the constructor when an option is invalid (unknown model, `dimensions` 300, …),
 * before any request is sent.
 */
export class EmbeddingConfigError extends BedrockFlowError {
  /** Stable machine-readable code: `ERR_EMBEDDINGS_CONFIG_INVALID`, or `ERR_EMBEDDINGS_MODEL_UNSUPPORTED` for an unknown model. */
  declare readonly code: 'ERR_EMBEDDINGS_CONFIG_INVALID' | 'ERR_EMBEDDINGS_MODEL_UNSUPPORTED';
  /** The option that was wrong, e.g. `dimensions`. */
  declare readonly field: string;
  /** What the option accepts, in words. */
  readonly allowed: string;

  constructor(
    field: string,
    problem: string,
    allowed: string,
    options: { code?: EmbeddingConfigError['code'] } = {},
  ) {
    super(options.code ?? 'ERR_EMBEDDINGS_CONFIG_INVALID', `Invalid embeddings option "${field}": ${problem}. Allowed: ${allowed}.`, { field });
    this.allowed = allowed;
  }
}
