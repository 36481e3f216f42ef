import { createHash } from 'node:crypto';

/** What decides a vector, and so its cache entry. */
export interface EmbeddingCacheKeyParts {
  /** Credential scope (secret-free) plus endpoint: entries never cross it. */
  scope: string;
  /** Model id as sent. */
  model: string;
  /** The family's request body without the text(s): dimensions, normalize, input type, truncate, … */
  parameters: string;
  /** The text exactly as sent (after newline stripping and truncation). */
  text: string;
}

/**
 * The content address of one embedding: SHA-256 (hex) over the scope, model, request parameters and
 * text, length-prefixed by JSON so no two different tuples collide by concatenation. `v1` in the
 * input lets a later format change start from fresh keys.
 */
export function embeddingCacheKey(parts: EmbeddingCacheKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify(['bedrock-flow-embedding-v1', parts.scope, parts.model, parts.parameters, parts.text]))
    .digest('hex');
}
