/**
 * Thrown by the constructor when an option is invalid (unknown model, `dimensions` 300, …),
 * before any request is sent.
 */
export class EmbeddingConfigError extends Error {
  /** Stable machine-readable code: `ERR_EMBEDDINGS_CONFIG_INVALID`, or `ERR_EMBEDDINGS_MODEL_UNSUPPORTED` for an unknown model. */
  readonly code: 'ERR_EMBEDDINGS_CONFIG_INVALID' | 'ERR_EMBEDDINGS_MODEL_UNSUPPORTED';
  /** The option that was wrong, e.g. `dimensions`. */
  readonly field: string;
  /** What the option accepts, in words. */
  readonly allowed: string;

  constructor(
    field: string,
    problem: string,
    allowed: string,
    code: EmbeddingConfigError['code'] = 'ERR_EMBEDDINGS_CONFIG_INVALID',
  ) {
    super(`Invalid embeddings option "${field}": ${problem}. Allowed: ${allowed}.`);
    this.name = 'EmbeddingConfigError';
    this.code = code;
    this.field = field;
    this.allowed = allowed;
  }
}
