import { LatencyHistogram } from '../src/metrics/latency-histogram';

describe('LatencyHistogram summary (cached until a new sample)', () => {
  it('reports zeros when empty, then exact count, max and mean, and percentiles within the HDR precision', () => {
    const h = new LatencyHistogram();
    expect(h.summary()).toEqual({ count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
    for (const ms of [1, 2, 3, 4, 100]) h.record(ms);
    const s = h.summary();
    expect(s.count).toBe(5);
    expect(s.mean).toBe(22);
    expect(s.max).toBeCloseTo(100, 1);
    expect(s.p50).toBeCloseTo(3, 2);
  });

  it('a new sample invalidates the cached summary; a caller mutating a summary does not change the next one', () => {
    const h = new LatencyHistogram();
    h.record(10);
    const first = h.summary();
    first.count = 999;
    expect(h.summary().count).toBe(1);
    h.record(30);
    expect(h.summary()).toMatchObject({ count: 2, mean: 20 });
    expect(h.summary()).not.toBe(h.summary());
  });
});

describe('LatencyHistogram batching', () => {
  it('counts every sample across several full batches and a partial one', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 1000; i += 1) h.record(i / 1000);
    const s = h.summary();
    expect(s.count).toBe(1000);
    expect(s.max).toBeCloseTo(1, 2);
    expect(s.mean).toBeCloseTo(0.5005, 2); // exact sum, reported at µs resolution
    h.record(5);
    expect(h.summary().count).toBe(1001);
    expect(h.summary().max).toBeCloseTo(5, 2);
  });
});
