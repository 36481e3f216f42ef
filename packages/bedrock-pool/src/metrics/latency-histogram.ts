import * as hdr from 'hdr-histogram-js';

/** Percentiles of one latency, in milliseconds (microsecond resolution). Plain JSON. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** The summary of a latency with no samples. */
export const EMPTY_LATENCY_SUMMARY: Readonly<LatencySummary> = Object.freeze({ count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
const EMPTY_SUMMARY = EMPTY_LATENCY_SUMMARY;

/** Samples kept in a flat buffer before they enter the histogram (on a full buffer or a summary). */
const BATCH_SIZE = 256;

/**
 * An HDR histogram of durations, recorded in microseconds, reported in ms. The summary is computed lazily and
 * cached until a new sample arrives: percentiles walk the histogram, and `pool.metrics()` is meant to be polled.
 * Samples are batched: `record` stores a number in a typed array, the histogram takes them in one loop later.
 */
export class LatencyHistogram {
  #histogram: hdr.Histogram;
  #summary: LatencySummary | undefined = EMPTY_SUMMARY;
  /** Sum of the recorded values (µs): the histogram's own `mean` walks every bucket and costs ~0.8 ms. */
  #sumUs = 0;
  #pending = new Float64Array(BATCH_SIZE);
  #pendingCount = 0;

  /**
   * @param options.packed keep buckets in hdr's packed array: about 2 KiB instead of about 29 KiB once samples span
   * 2.5 to 60 ms, for the thousands of per-slot histograms of a multi-tenant pool (samples are batched, so its
   * slower `recordValue` runs once per batch). Default `false`.
   */
  constructor(options: { packed?: boolean } = {}) {
    this.#histogram = hdr.build({
      lowestDiscernibleValue: 1,
      numberOfSignificantValueDigits: 3,
      useWebAssembly: false,
      autoResize: true,
      ...(options.packed ? { bitBucketSize: 'packed' as const } : {}),
    });
  }

  /** Records one duration in ms. */
  record(ms: number): void {
    const us = Math.max(1, Math.round(ms * 1000));
    this.#pending[this.#pendingCount++] = us;
    this.#sumUs += us;
    this.#summary = undefined;
    if (this.#pendingCount === BATCH_SIZE) this.#flush();
  }

  /** Percentile summary (a fresh object; computed once per batch of new samples). */
  summary(): LatencySummary {
    this.#summary ??= this.#compute();
    return { ...this.#summary };
  }

  #flush(): void {
    const h = this.#histogram;
    const pending = this.#pending;
    for (let i = 0; i < this.#pendingCount; i += 1) h.recordValue(pending[i]!);
    this.#pendingCount = 0;
  }

  #compute(): LatencySummary {
    this.#flush();
    const h = this.#histogram;
    const ms = (us: number) => Math.round(us) / 1000;
    if (h.totalCount === 0) return EMPTY_SUMMARY;
    return {
      count: h.totalCount,
      p50: ms(h.getValueAtPercentile(50)),
      p90: ms(h.getValueAtPercentile(90)),
      p99: ms(h.getValueAtPercentile(99)),
      max: ms(h.maxValue),
      mean: ms(this.#sumUs / h.totalCount),
    };
  }
}
