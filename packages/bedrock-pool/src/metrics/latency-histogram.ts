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

/** An HDR histogram of durations, recorded in microseconds, reported in ms. */
export class LatencyHistogram {
  #histogram = hdr.build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3, useWebAssembly: false, autoResize: true });

  /** Records one duration in ms. */
  record(ms: number): void {
    this.#histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  /** Percentile summary. */
  summary(): LatencySummary {
    const h = this.#histogram;
    const ms = (us: number) => Math.round(us) / 1000;
    if (h.totalCount === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
    return {
      count: h.totalCount,
      p50: ms(h.getValueAtPercentile(50)),
      p90: ms(h.getValueAtPercentile(90)),
      p99: ms(h.getValueAtPercentile(99)),
      max: ms(h.maxValue),
      mean: ms(h.mean),
    };
  }
}
