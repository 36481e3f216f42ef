import type { ModeResult, ModeSummary } from './mode-result';
import { percentile } from './percentile';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
/** The sum, or `null` when any run could not be counted. */
/** Median requests of runs 2..N (run 1 alone if there is only one), or `null` when any was not counted. */
const steadyRequests = (r: ModeResult): number | null => {
  const runs = r.requestsPerRun.length > 1 ? r.requestsPerRun.slice(1) : r.requestsPerRun;
  return runs.some((v) => v === null) ? null : percentile(runs as number[], 50);
};
const sumOrNull = (values: ReadonlyArray<number | null>): number | null => (values.some((v) => v === null) ? null : sum(values as number[]));

/**
 * Table rows from the raw per-run figures: the first run on its own (cold), runs 2..N as the
 * steady state (p50/p95), totals of handshakes, connections and credential resolutions, and each
 * mode's steady p50 as a multiple of bedrock-flow's.
 */
export function summarizeModes(results: readonly ModeResult[]): ModeSummary[] {
  const steady = (r: ModeResult): number[] => (r.latenciesMs.length > 1 ? r.latenciesMs.slice(1) : r.latenciesMs);
  const reference = results.find((r) => r.mode === 'bedrock-flow');
  const referenceP50 = reference ? percentile(steady(reference), 50) : Number.NaN;
  return results.map((r) => {
    const steadyP50Ms = percentile(steady(r), 50);
    return {
      mode: r.mode,
      firstRunMs: r.latenciesMs[0] ?? Number.NaN,
      steadyP50Ms,
      steadyP95Ms: percentile(steady(r), 95),
      tlsHandshakes: sum(r.tlsHandshakesPerRun),
      connections: sum(r.connectionsPerRun),
      credentialResolutions: sumOrNull(r.credentialResolutionsPerRun),
      requests: sumOrNull(r.requestsPerRun),
      steadyRequestsPerRun: steadyRequests(r),
      ratioToBedrockFlow: steadyP50Ms / referenceP50,
    };
  });
}
