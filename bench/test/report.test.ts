import { BenchOptionsError, parseBenchOptions, SCENARIO_IDS } from '../src/cli/bench-options';
import { markdownTable } from '../src/report/markdown-table';
import { svgLineChart } from '../src/report/svg-line-chart';
import { evaluateTargets } from '../src/report/targets';
import { latencyTable } from '../src/scenarios/latency-table';
import type { ScenarioResult } from '../src/scenarios/scenario-result';
import { summarizeLatencies } from '../src/stats/latency-summary';

describe('summarizeLatencies', () => {
  it('gives the nearest-rank percentiles of 1..1000 ms within the histogram precision (0.1 %)', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i); // descending: order must not matter
    const summary = summarizeLatencies(samples);
    expect(summary.count).toBe(1000);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(1000);
    expect(summary.mean).toBeCloseTo(500.5, 6);
    expect(summary.p50).toBeGreaterThanOrEqual(500 * 0.999);
    expect(summary.p50).toBeLessThanOrEqual(500 * 1.001);
    expect(summary.p95).toBeGreaterThanOrEqual(950 * 0.999);
    expect(summary.p95).toBeLessThanOrEqual(950 * 1.001);
    expect(summary.p99).toBeGreaterThanOrEqual(990 * 0.999);
    expect(summary.p99).toBeLessThanOrEqual(990 * 1.001);
  });

  it('keeps sub-millisecond resolution (samples are recorded in µs)', () => {
    const summary = summarizeLatencies([32.4, 32.5, 32.6]);
    expect(summary.p50).toBeCloseTo(32.5, 1);
  });

  it('returns count 0 and NaN figures for no samples', () => {
    const summary = summarizeLatencies([]);
    expect(summary.count).toBe(0);
    expect(summary.p50).toBeNaN();
  });
});

describe('latencyTable + markdownTable', () => {
  const built = latencyTable([
    { row: 'stock', samples: [100, 100, 100], extras: { 'TLS handshakes': 3 } },
    { row: 'bfHttp1', samples: [33, 33, 33], extras: { 'TLS handshakes': 1 } },
    { row: 'limit', samples: [30, 30, 30], extras: { 'TLS handshakes': null } },
  ]);

  it('puts the p50 as multiples of the limit and of stock next to the percentiles', () => {
    const [stock, pooled, limit] = built.table.rows;
    expect(built.table.columns).toEqual(['row', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 × limit', 'p50 × stock', 'TLS handshakes']);
    expect(stock![5]).toBeCloseTo(100 / 30, 2);
    expect(pooled![5]).toBeCloseTo(1.1, 2);
    expect(pooled![6]).toBeCloseTo(0.33, 2);
    expect(limit![5]).toBeCloseTo(1, 6);
    expect(built.summaries.get('bfHttp1')!.p50).toBeCloseTo(33, 1);
  });

  it('renders a markdown table: right-aligned numbers, ratios with ×, missing values as –', () => {
    const md = markdownTable(built.table).split('\n');
    expect(md[0]).toBe('| row | n | p50 ms | p95 ms | p99 ms | p50 × limit | p50 × stock | TLS handshakes |');
    expect(md[1]).toBe('|---|---:|---:|---:|---:|---:|---:|---:|');
    expect(md[3]).toBe('| bedrock-flow http1 | 3 | 33.0 | 33.0 | 33.0 | 1.10× | 0.33× | 1 |');
    expect(md[4]).toContain('| 1.00× | 0.30× | – |');
    expect(md).toHaveLength(5);
  });
});

describe('evaluateTargets', () => {
  const result = (scenario: ScenarioResult['scenario'], figures: Record<string, number>): ScenarioResult => ({
    scenario,
    title: scenario,
    description: '',
    tables: [],
    charts: [],
    figures,
    notes: [],
    durationMs: 0,
    raw: null,
  });

  it('marks each target met, not met, or not run from the figures', () => {
    const rows = evaluateTargets([
      result('sequential', {
        'bfHttp1.p50OverLimit': 1.02,
        'bfHttp2.p50OverLimit': 1.2,
        'bfHttp1.handshakes': 1,
        'bfHttp1.credentialResolutions': 1,
        'bfHttp2.handshakes': 2,
        'bfHttp2.credentialResolutions': 1,
        cycles: 1000,
      }),
      result('churn', { cycles: 10_000, 'bfHttp1.heapGrowthMB': 0.4, 'bfHttp2.heapGrowthMB': 6, 'bfComponent.heapGrowthMB': 1 }),
    ]);
    const met = (prefix: string) => rows.filter((r) => r.target.startsWith(prefix)).map((r) => r.met);
    expect(met('S1: bedrock-flow http1')).toEqual([true, true]);
    expect(met('S1: bedrock-flow http2')).toEqual([false, false]);
    expect(met('S2')).toEqual([null, null]);
    expect(met('S4')).toEqual([true, false, true]);
    expect(rows.find((r) => r.target.startsWith('S1: bedrock-flow http2 p50'))!.limitedBy).not.toBe('–');
    expect(rows.find((r) => r.target.startsWith('S5'))!.met).toBeNull();
  });
});

describe('parseBenchOptions', () => {
  it('parses --quick, --only by id or number, --rtt-ms', () => {
    expect(parseBenchOptions([])).toEqual({ quick: false, only: [...SCENARIO_IDS], rttMs: 30, outDir: undefined });
    expect(parseBenchOptions(['--quick', '--only', 'churn,1', '--rtt-ms=10'])).toMatchObject({ quick: true, only: ['sequential', 'churn'], rttMs: 10 });
    expect(parseBenchOptions(['--only', '7,streaming'])).toMatchObject({ only: ['streaming', 'embeddings'] });
  });

  it('rejects unknown scenarios, bad RTTs and unknown flags with a coded error naming the field', () => {
    const attempt = (argv: string[]) => {
      try {
        parseBenchOptions(argv);
      } catch (error) {
        return error as BenchOptionsError;
      }
      throw new Error('expected a BenchOptionsError');
    };
    // The number after the last scenario does not exist (nor does 0).
    expect(attempt(['--only', String(SCENARIO_IDS.length + 1)])).toMatchObject({ code: 'BENCH_INVALID_OPTION', field: '--only' });
    expect(attempt(['--only', '0'])).toMatchObject({ code: 'BENCH_INVALID_OPTION', field: '--only' });
    expect(parseBenchOptions(['--only', '9'])).toMatchObject({ only: ['tenants'] });
    expect(attempt(['--rtt-ms', '-1'])).toMatchObject({ code: 'BENCH_INVALID_OPTION', field: '--rtt-ms' });
    expect(attempt(['--fast'])).toBeInstanceOf(BenchOptionsError);
  });
});

describe('svgLineChart', () => {
  it('draws one polyline per series with a legend entry each', () => {
    const svg = svgLineChart({
      file: 'x.svg',
      title: 'T <1>',
      xLabel: 'in flight',
      yLabel: 'calls/s',
      logX: true,
      series: [
        { name: 'a', points: [[1, 10], [10, 100], [200, 900]] },
        { name: 'b', points: [[1, 5], [10, 50], [200, 300]] },
      ],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('T &lt;1&gt;');
    expect(svg).toContain('>200</text>');
  });
});
