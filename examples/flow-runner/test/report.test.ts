import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable } from '../src/report/format-table';
import type { ModeResult } from '../src/report/mode-result';
import { percentile } from '../src/report/percentile';
import { summarizeModes } from '../src/report/summarize-modes';
import { svgLineChart } from '../src/report/svg-line-chart';
import { writeResults } from '../src/report/write-results';
import { ProgressLine } from '../src/progress/progress-line';

const mode = (name: ModeResult['mode'], latenciesMs: number[], handshakes: number): ModeResult => ({
  mode: name,
  description: name,
  latenciesMs,
  tlsHandshakesPerRun: latenciesMs.map((_, i) => (i === 0 || name !== 'bedrock-flow' ? handshakes : 0)),
  connectionsPerRun: latenciesMs.map(() => 1),
  credentialResolutionsPerRun: latenciesMs.map(() => 1),
  requestsPerRun: latenciesMs.map(() => 3),
});

describe('percentile (nearest rank)', () => {
  it('p50 and p95 of 1..20', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarizeModes and formatTable', () => {
  const results = [mode('naive', [300, 200, 210, 220], 3), mode('bedrock-flow', [150, 100, 100, 110], 1)];
  it('splits the first run from the steady state and divides by bedrock-flow', () => {
    const [naive, pooled] = summarizeModes(results);
    expect(naive).toMatchObject({ firstRunMs: 300, steadyP50Ms: 210, steadyP95Ms: 220, tlsHandshakes: 12, connections: 4, credentialResolutions: 4, requests: 12 });
    expect(pooled).toMatchObject({ firstRunMs: 150, steadyP50Ms: 100, tlsHandshakes: 1, ratioToBedrockFlow: 1 });
    expect(naive!.ratioToBedrockFlow).toBeCloseTo(2.1);
  });
  it('prints n/a for credential resolutions it could not count', () => {
    const uncounted = { ...results[0]!, credentialResolutionsPerRun: [null, null, null, null] };
    const table = formatTable(summarizeModes([uncounted, results[1]!]), 4);
    expect(table.split('\n')[3]).toMatch(/^naive .* n\/a .* 2\.10x$/);
  });
});

describe('svgLineChart', () => {
  it('draws one polyline per series with escaped labels', () => {
    const svg = svgLineChart(
      [
        { label: 'naive <a&b>', color: '#f00', values: [3, 2, 1] },
        { label: 'pool', color: '#0f0', values: [1, 1, 1] },
      ],
      { title: 'T', xLabel: 'run', yLabel: 'ms' },
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('naive &lt;a&amp;b&gt;');
  });
});

describe('writeResults', () => {
  it('writes the JSON and the SVG (PNG off)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-runner-results-'));
    try {
      const results = [mode('naive', [3, 2], 3), mode('seed', [2, 2], 1), mode('bedrock-flow', [1, 1], 1)];
      const written = await writeResults(dir, {
        finishedAt: new Date(0).toISOString(),
        target: 'emulator',
        flow: 'retrieval',
        runs: 2,
        rttMs: 30,
        node: process.version,
        modes: results,
        summary: summarizeModes(results),
      }, { png: false });
      expect(JSON.parse(readFileSync(written.json, 'utf8')).modes).toHaveLength(3);
      expect(readFileSync(written.svg, 'utf8').match(/<polyline /g)).toHaveLength(3);
      expect(written.png).toEqual({ written: false, reason: 'PNG disabled' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ProgressLine', () => {
  it('redraws in place on a TTY and prints every tenth elsewhere', () => {
    const tty: string[] = [];
    const line = new ProgressLine({ isTTY: true, write: (t) => tty.push(t) }, ['naive', 'seed'], 4);
    line.tick('naive');
    line.tick('naive');
    expect(tty.at(-1)).toBe('\rnaive █████░░░░░ 2/4 | seed ░░░░░░░░░░ 0/4');
    const log: string[] = [];
    const plain = new ProgressLine({ write: (t) => log.push(t) }, ['a'], 20);
    for (let i = 0; i < 20; i += 1) plain.tick('a');
    expect(log).toHaveLength(10);
    expect(log.at(-1)).toBe('a ██████████ 20/20\n');
  });
});
