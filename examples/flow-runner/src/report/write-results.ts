import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModeName, ModeResult, ModeSummary } from './mode-result';
import { svgLineChart } from './svg-line-chart';
import { svgToPng, type PngOutcome } from './svg-to-png';

/** Line colour per mode in the chart. */
export const MODE_COLORS: Record<ModeName, string> = { naive: '#d62728', seed: '#ff7f0e', 'bedrock-flow': '#2ca02c', 'bedrock-flow+cache': '#1f77b4' };

/** Everything the demo knows about one invocation, written as `results/latest.json`. */
export interface DemoResults {
  /** ISO time the demo finished. */
  finishedAt: string;
  /** `emulator` or `real`. */
  target: 'emulator' | 'real';
  flow: string;
  runs: number;
  rttMs: number | null;
  node: string;
  modes: ModeResult[];
  summary: ModeSummary[];
}

/** Paths written by {@link writeResults}, and whether a PNG was produced. */
export interface WrittenResults {
  json: string;
  svg: string;
  png: PngOutcome & { path?: string };
}

/**
 * Writes the raw figures (`latest.json`), the per-run latency chart (`latency.svg`) and, where a
 * converter is on PATH and `options.png` is not `false`, `latency.png` into `dir` (created if missing).
 */
export async function writeResults(dir: string, results: DemoResults, options: { png?: boolean } = {}): Promise<WrittenResults> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const svg = join(dir, 'latency.svg');
  const png = join(dir, 'latency.png');
  await writeFile(json, `${JSON.stringify(results, null, 2)}\n`);
  const rtt = results.rttMs === null ? '' : `, RTT ${results.rttMs} ms`;
  const chart = svgLineChart(
    results.modes.map((m) => ({ label: m.mode, color: MODE_COLORS[m.mode], values: m.latenciesMs })),
    { title: `${results.flow}: latency per run (graph rebuilt each run${rtt})`, xLabel: 'run', yLabel: 'ms per run (build + run)' },
  );
  await writeFile(svg, chart);
  // A stale PNG from an earlier run must not pass for this one's.
  await rm(png, { force: true });
  const outcome: PngOutcome = options.png === false ? { written: false, reason: 'PNG disabled' } : svgToPng(svg, png, { width: 800, height: 440 });
  return { json, svg, png: outcome.written ? { ...outcome, path: png } : outcome };
}
