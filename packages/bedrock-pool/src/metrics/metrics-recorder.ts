import { EMPTY_LATENCY_SUMMARY, LatencyHistogram, type LatencySummary } from './latency-histogram';
import { COUNTER_NAMES, GAUGE_NAMES, LATENCY_NAMES, type CounterName, type GaugeName, type LatencyName } from './metric-names';

/** Where a recorder forwards measurements besides its own state (OpenTelemetry). */
export interface MetricsSink {
  add(name: CounterName | GaugeName, value: number, attributes: Record<string, string>): void;
  record(name: LatencyName, value: number, attributes: Record<string, string>): void;
  error(kind: string, attributes: Record<string, string>): void;
}

/** Counters, gauges, errors by kind and latency percentiles. Plain JSON. */
export interface MetricsSummary extends Record<CounterName | GaugeName, number> {
  /** Failed attempts and operations by kind (`throttling`, `server_5xx`, `client_4xx`, network codes, error names). */
  errorsByKind: Record<string, number>;
  latency: Record<LatencyName, LatencySummary>;
}

/**
 * Measurements of one slot (or of the whole pool): every recording also goes to the parent, so pool
 * totals include slots that are gone, and the root forwards to an optional sink.
 */
export class MetricsRecorder {
  #values = Object.fromEntries([...COUNTER_NAMES, ...GAUGE_NAMES].map((name) => [name, 0])) as Record<CounterName | GaugeName, number>;
  #errors: Record<string, number> = {};
  /**
   * Made on a latency's first sample: a histogram with its buffers is about 10 KiB, and a pool with thousands of
   * slots (one per tenant credential) has many that never record some latencies (connections are the transport's).
   */
  #latency: Partial<Record<LatencyName, LatencyHistogram>> = {};
  #parent: MetricsRecorder | undefined;
  #attributes: Record<string, string>;
  #sink: MetricsSink | undefined;
  #packed: boolean;

  /** @param options.packedHistograms compact latency histograms (per-slot recorders; see `LatencyHistogram`). Default `false`. */
  constructor(options: { parent?: MetricsRecorder; attributes?: Record<string, string>; sink?: MetricsSink; packedHistograms?: boolean } = {}) {
    this.#parent = options.parent;
    this.#packed = options.packedHistograms ?? false;
    this.#attributes = options.attributes ?? {};
    this.#sink = options.sink;
  }

  /** Sets the sink (the root's, once OpenTelemetry has loaded). */
  setSink(sink: MetricsSink | undefined): void {
    this.#sink = sink;
  }

  /** Adds `by` (may be negative for gauges). */
  add(name: CounterName | GaugeName, by = 1, attributes = this.#attributes): void {
    this.#values[name] += by;
    this.#sink?.add(name, by, attributes);
    this.#parent?.add(name, by, attributes);
  }

  /** Records a latency in ms. */
  record(name: LatencyName, ms: number, attributes = this.#attributes): void {
    (this.#latency[name] ??= new LatencyHistogram({ packed: this.#packed })).record(ms);
    this.#sink?.record(name, ms, attributes);
    this.#parent?.record(name, ms, attributes);
  }

  /** Counts one error of `kind`. */
  error(kind: string, attributes = this.#attributes): void {
    this.#errors[kind] = (this.#errors[kind] ?? 0) + 1;
    this.#sink?.error(kind, attributes);
    this.#parent?.error(kind, attributes);
  }

  /** Current value of a counter or gauge. */
  get(name: CounterName | GaugeName): number {
    return this.#values[name];
  }

  /** Plain-JSON summary. */
  summary(): MetricsSummary {
    const latency = Object.fromEntries(LATENCY_NAMES.map((name) => [name, this.#latency[name]?.summary() ?? { ...EMPTY_LATENCY_SUMMARY }])) as Record<LatencyName, LatencySummary>;
    return { ...this.#values, errorsByKind: { ...this.#errors }, latency };
  }
}
