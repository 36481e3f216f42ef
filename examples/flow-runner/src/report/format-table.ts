import type { ModeSummary } from './mode-result';

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');

/**
 * A plain-text table of the summaries, one row per mode, columns right-aligned, for the terminal
 * and the README.
 */
export function formatTable(rows: readonly ModeSummary[], runs: number): string {
  const header = ['mode', 'first run', `steady p50`, `steady p95`, 'TLS handshakes', 'connections', 'credential resolutions', 'requests', 'requests/steady run', 'vs bedrock-flow'];
  const body = rows.map((r) => [
    r.mode,
    ms(r.firstRunMs),
    ms(r.steadyP50Ms),
    ms(r.steadyP95Ms),
    String(r.tlsHandshakes),
    String(r.connections),
    r.credentialResolutions === null ? 'n/a' : String(r.credentialResolutions),
    r.requests === null ? 'n/a' : String(r.requests),
    r.steadyRequestsPerRun === null ? 'n/a' : String(r.steadyRequestsPerRun),
    Number.isFinite(r.ratioToBedrockFlow) ? `${r.ratioToBedrockFlow.toFixed(2)}x` : 'n/a',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [`${runs} runs per mode; steady = runs 2..${runs}`, line(header), rule, ...body.map(line)].join('\n');
}
