import { loadOpenTelemetryMeter } from '@bedrock-flow/bedrock-pool';
import { EMBEDDING_CACHE_COUNTER_NAMES, type EmbeddingCacheCounterName, type EmbeddingCacheMetricsSink } from './embedding-cache-metrics';

interface OtelCounter {
  add(value: number, attributes?: Record<string, string>): void;
}
interface OtelMeter {
  createCounter(name: string, options?: { description?: string; unit?: string }): OtelCounter;
}

/** OpenTelemetry meter name of the embedding cache's instruments. */
export const EMBEDDING_CACHE_OTEL_METER_NAME = '@bedrock-flow/embeddings';

/**
 * Loads `@opentelemetry/api` if the host has it (optional, as for the pool) and returns a sink feeding
 * `bedrock_flow.embedding_cache.*` counters (`hits`, `misses`, `single_flight_joins`, `requests_saved`,
 * `store_errors`, `evictions`); `undefined` when the package is absent.
 */
export async function loadOpenTelemetryCacheSink(attributes: Record<string, string> = {}): Promise<EmbeddingCacheMetricsSink | undefined> {
  const meter = await loadOpenTelemetryMeter<OtelMeter>(EMBEDDING_CACHE_OTEL_METER_NAME);
  return meter && createOpenTelemetryCacheSink(meter, attributes);
}

/** A sink writing to counters of `meter`, each increment with `attributes` (e.g. `{ store: 'redis' }`). */
export function createOpenTelemetryCacheSink(meter: OtelMeter, attributes: Record<string, string> = {}): EmbeddingCacheMetricsSink {
  const counters = new Map<EmbeddingCacheCounterName, OtelCounter>();
  for (const name of EMBEDDING_CACHE_COUNTER_NAMES) {
    counters.set(name, meter.createCounter(`bedrock_flow.embedding_cache.${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`));
  }
  return (name, value) => counters.get(name)?.add(value, attributes);
}
