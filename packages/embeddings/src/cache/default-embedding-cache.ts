import { EmbeddingCacheConfigError } from '../errors/embedding-cache-config-error';
import { EmbeddingCache, MIN_CACHE_SECRET_LENGTH, type EmbeddingCacheOptions } from './embedding-cache';
import type { EmbeddingCacheMetricsSnapshot } from './embedding-cache-metrics';
import { RedisEmbeddingStore } from './redis-embedding-store';

let current: EmbeddingCache | undefined;

/**
 * The options of the process's default cache from the environment:
 * `BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL` (a Redis store shared by workers; needs
 * `BEDROCK_FLOW_CACHE_SECRET`), `BEDROCK_FLOW_EMBEDDING_CACHE_MAX_BYTES` (the in-process bound).
 * Neither set: an in-process store of 64 MiB.
 */
export function embeddingCacheOptionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): EmbeddingCacheOptions {
  const redisUrl = env['BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL'];
  if (redisUrl) {
    const secret = env['BEDROCK_FLOW_CACHE_SECRET'];
    // Checked before the store connects: a refused configuration must not leave a Redis client behind.
    if (secret === undefined || secret.length < MIN_CACHE_SECRET_LENGTH) {
      throw new EmbeddingCacheConfigError(
        'BEDROCK_FLOW_CACHE_SECRET',
        secret === undefined ? 'is not set, and BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL puts the cache in Redis' : `is shorter than ${MIN_CACHE_SECRET_LENGTH} characters`,
        `the same random string of ${MIN_CACHE_SECRET_LENGTH}+ characters in every process sharing the Redis`,
      );
    }
    return { store: new RedisEmbeddingStore({ url: redisUrl }), secret };
  }
  const maxBytes = env['BEDROCK_FLOW_EMBEDDING_CACHE_MAX_BYTES'];
  if (maxBytes === undefined || maxBytes === '') return {};
  if (!/^\d+$/.test(maxBytes) || Number(maxBytes) < 1) {
    throw new EmbeddingCacheConfigError('BEDROCK_FLOW_EMBEDDING_CACHE_MAX_BYTES', `is ${JSON.stringify(maxBytes.slice(0, 40))}`, 'a whole number of bytes, at least 1 (default 67108864, 64 MiB)');
  }
  return { maxBytes: Number(maxBytes) };
}

/**
 * The cache every `AmazonBedrockEmbeddings` node (and every `BedrockBatchedEmbeddings` not given
 * one) uses: shared by nodes and flows of the process, created on first use from
 * {@link embeddingCacheOptionsFromEnv}.
 */
export function defaultEmbeddingCache(): EmbeddingCache {
  current ??= new EmbeddingCache(embeddingCacheOptionsFromEnv());
  return current;
}

/**
 * Replaces the process's default cache (e.g. a host putting it in Redis at start-up) and returns
 * it. Instances built before keep the cache they had; the old cache is not closed.
 */
export function setDefaultEmbeddingCache(cache: EmbeddingCache | EmbeddingCacheOptions): EmbeddingCache {
  current = cache instanceof EmbeddingCache ? cache : new EmbeddingCache(cache);
  return current;
}

/** `pool.metrics()`-style snapshot of the default cache (all zero before first use). */
export function embeddingCacheMetrics(): EmbeddingCacheMetricsSnapshot {
  return defaultEmbeddingCache().metrics();
}
