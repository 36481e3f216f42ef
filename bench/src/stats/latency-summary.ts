import { build } from 'hdr-histogram-js';

/** Percentiles of a set of samples, in the samples' unit (ms for latencies). */
export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

// Samples are recorded in microseconds: 3 significant digits keeps a 30 ms latency exact to 0.1 %.
const SCALE = 1_000;

/**
 * Summarizes samples with an HDR histogram (3 significant digits, values from 1 µs to 1 h): p50/p95/p99 are
 * HdrHistogram's "value at percentile" (the lowest recorded value with at least that share of samples at or
 * below it, to within the histogram's precision). An empty set gives `count: 0` and NaN figures.
 */
export function summarizeLatencies(samplesMs: readonly number[]): LatencySummary {
  if (samplesMs.length === 0) return { count: 0, min: NaN, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const sample of samplesMs) {
    histogram.recordValue(Math.max(1, Math.round(sample * SCALE)));
    sum += sample;
    min = Math.min(min, sample);
    max = Math.max(max, sample);
  }
  const at = (percentile: number) => histogram.getValueAtPercentile(percentile) / SCALE;
  const summary = { count: samplesMs.length, min, mean: sum / samplesMs.length, p50: at(50), p95: at(95), p99: at(99), max };
  histogram.destroy();
  return summary;
}
