import { loadOpenTelemetryMeter } from './load-open-telemetry-meter';
import type { MetricsSink } from './metrics-recorder';
import { COUNTER_NAMES, GAUGE_NAMES, LATENCY_NAMES, type CounterName, type GaugeName, type LatencyName } from './metric-names';

interface OtelCounter {
  add(value: number, attributes?: Record<string, string>): void;
}
interface OtelHistogram {
  record(value: number, attributes?: Record<string, string>): void;
}
interface OtelMeter {
  createCounter(name: string, options?: { description?: string; unit?: string }): OtelCounter;
  createUpDownCounter(name: string, options?: { description?: string; unit?: string }): OtelCounter;
  createHistogram(name: string, options?: { description?: string; unit?: string }): OtelHistogram;
}

/** OpenTelemetry meter name of the pool's instruments. */
export const OTEL_METER_NAME = '@bedrock-flow/bedrock-pool';

/**
 * Loads `@opentelemetry/api` if the host has it (an optional peer dependency) and returns a sink that
 * feeds `bedrock_pool.*` instruments; resolves to undefined when the package is absent.
 */
export async function loadOpenTelemetrySink(): Promise<MetricsSink | undefined> {
  const meter = await loadOpenTelemetryMeter<OtelMeter>(OTEL_METER_NAME);
  return meter && createOpenTelemetrySink(meter);
}

/** A sink writing to instruments of `meter`. */
export function createOpenTelemetrySink(meter: OtelMeter): MetricsSink {
  const counters = new Map<CounterName | GaugeName, OtelCounter>();
  for (const name of COUNTER_NAMES) counters.set(name, meter.createCounter(`bedrock_pool.${snake(name)}`));
  for (const name of GAUGE_NAMES) counters.set(name, meter.createUpDownCounter(`bedrock_pool.${snake(name)}`));
  const histograms = new Map<LatencyName, OtelHistogram>();
  for (const name of LATENCY_NAMES) {
    histograms.set(name, meter.createHistogram(`bedrock_pool.${snake(name.replace(/Ms$/, ''))}`, { unit: 'ms' }));
  }
  const errors = meter.createCounter('bedrock_pool.errors');
  return {
    add: (name, value, attributes) => counters.get(name)?.add(value, attributes),
    record: (name, value, attributes) => histograms.get(name)?.record(value, attributes),
    error: (kind, attributes) => errors.add(1, { ...attributes, kind }),
  };
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
