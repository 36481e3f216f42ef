/** Counters of a cache's use, kept per cache and per embeddings instance. */
export const EMBEDDING_CACHE_COUNTER_NAMES = [
  /** Texts answered from the store. */
  'hits',
  /** Texts sent to Bedrock. */
  'misses',
  /** Texts that waited on another caller's in-flight request for the same vector (single flight). */
  'singleFlightJoins',
  /** Bedrock requests not sent thanks to the cache (what the call would have cost without it, minus what it cost). */
  'requestsSaved',
  /** Store calls that failed (e.g. Redis down); each counted as misses / not stored. */
  'storeErrors',
  /** Entries evicted from the in-process store to stay under its byte bound. */
  'evictions',
] as const;

/** One counter's name. */
export type EmbeddingCacheCounterName = (typeof EMBEDDING_CACHE_COUNTER_NAMES)[number];

/** Counter values: hits, misses, single-flight joins, requests saved, store errors, evictions. */
export type EmbeddingCacheCounters = Record<EmbeddingCacheCounterName, number>;

/** `pool.metrics()`-style JSON of a cache: counters plus the store's size. Holds no key, text or vector. */
export interface EmbeddingCacheMetricsSnapshot extends EmbeddingCacheCounters {
  /** `memory` or `redis`. */
  store: string;
  /** Entries in the store now (`null` for Redis, which keeps its own count). */
  entries: number | null;
  /** Bytes in the store now (`null` for Redis). */
  bytes: number | null;
  /** The in-process store's byte bound (`null` for Redis). */
  maxBytes: number | null;
  /** Whether entries are shared across credentials (the operator's opt-in). */
  shareAcrossCredentials: boolean;
}

/** All counters at zero. */
export function zeroCounters(): EmbeddingCacheCounters {
  return { hits: 0, misses: 0, singleFlightJoins: 0, requestsSaved: 0, storeErrors: 0, evictions: 0 };
}

/** Receives counter increments as they happen (OpenTelemetry, when present). */
export type EmbeddingCacheMetricsSink = (name: EmbeddingCacheCounterName, value: number) => void;
