/**
 * Thrown by the constructor when an option is invalid (unknown model, `dimensions` 300, …),
 * before any request is sent.
 */
export class EmbeddingConfigError extends Error {
  /** Stable machine-readable code: `EMBEDDING_CONFIG_INVALID`, or `EMBEDDING_MODEL_UNSUPPORTED` for an unknown model. */
  readonly code: 'EMBEDDING_CONFIG_INVALID' | 'EMBEDDING_MODEL_UNSUPPORTED';
  /** The option that was wrong, e.g. `dimensions`. */
  readonly field: string;
  /** What the option accepts, in words. */
  readonly allowed: string;

  constructor(
    field: string,
    problem: string,
    allowed: string,
    code: EmbeddingConfigError['code'] = 'EMBEDDING_CONFIG_INVALID',
  ) {
    super(`Invalid embeddings option "${field}": ${problem}. Allowed: ${allowed}.`);
    this.name = 'EmbeddingConfigError';
    this.code = code;
    this.field = field;
    this.allowed = allowed;
  }
}
