import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/**
 * A bad embedding cache option (byte bound, TTL, Redis URL, missing cache secret for a shared store),
 * thrown when the cache or store is created, before any request. `field` names the option.
 */
export class EmbeddingCacheConfigError extends BedrockFlowError {
  declare readonly code: 'ERR_EMBEDDINGS_CACHE_CONFIG_INVALID';
  /** The option that is wrong. */
  declare readonly field: string;
  /** What the option accepts. */
  readonly allowed: string;

  constructor(field: string, problem: string, allowed: string) {
    super('ERR_EMBEDDINGS_CACHE_CONFIG_INVALID', `Embedding cache option "${field}" ${problem}; allowed: ${allowed}.`, { field });
    this.allowed = allowed;
  }
}
