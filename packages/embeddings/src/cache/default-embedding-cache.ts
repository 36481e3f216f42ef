import { EmbeddingCache, type EmbeddingCacheOptions } from './embedding-cache';
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
  if (redisUrl) return { store: new RedisEmbeddingStore({ url: redisUrl }) };
  const maxBytes = env['BEDROCK_FLOW_EMBEDDING_CACHE_MAX_BYTES'];
  return maxBytes ? { maxBytes: /^\d+$/.test(maxBytes) ? Number(maxBytes) : Number.NaN } : {};
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
