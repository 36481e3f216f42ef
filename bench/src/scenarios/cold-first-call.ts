import { createRowDriver } from '../rows/create-row-driver';
import type { RowDriver } from '../rows/row-driver';
import { ROW_LABELS, type RowId } from '../rows/row-id';
import { summarizeLatencies } from '../stats/latency-summary';
import { latencyTable, ratio } from './latency-table';
import { errorText, now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { ScenarioResult } from './scenario-result';
import { simulatedBuild } from './simulated-build';

/** A compared variant: a row, with or without warm-up overlapping the build. */
interface ColdVariant {
  key: string;
  row: RowId;
  warm: boolean;
  label: string;
}

const VARIANTS: ColdVariant[] = [
  { key: 'stock', row: 'stock', warm: false, label: ROW_LABELS.stock },
  { key: 'stockReused', row: 'stockReused', warm: false, label: ROW_LABELS.stockReused },
  { key: 'seed', row: 'seed', warm: false, label: ROW_LABELS.seed },
  { key: 'bfHttp1', row: 'bfHttp1', warm: false, label: 'bedrock-flow http1, no warm-up' },
  { key: 'bfHttp1Warm', row: 'bfHttp1', warm: true, label: 'bedrock-flow http1 + warm-up during the build' },
  { key: 'bfHttp2', row: 'bfHttp2', warm: false, label: 'bedrock-flow http2, no warm-up' },
  { key: 'bfHttp2Warm', row: 'bfHttp2', warm: true, label: 'bedrock-flow http2 + warm-up during the build' },
  { key: 'bfComponentWarm', row: 'bfComponent', warm: true, label: 'bedrock-flow component + warm-up during the build' },
  { key: 'limit', row: 'limit', warm: false, label: ROW_LABELS.limit },
];

/**
 * Scenario 2: the first call of a process that has just started. Every sample gets a fresh driver (a fresh pool, a
 * fresh client), runs `graphBuildStarted`, builds the node (with warm-up: `pool.warm(lease)` right after the
 * node's acquire), spends `coldBuildMs` on the rest of the build, then calls. The limit keeps one open socket: it
 * is the floor a warmed-up call should reach.
 */
export async function runColdFirstCall(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const samples = ctx.plan.coldSamples;
  const progress = new ProgressReporter('cold', (samples + 1) * VARIANTS.length, ctx.channel);
  const firstCall = new Map<string, number[]>(VARIANTS.map((v) => [v.key, []]));
  const buildToResponse = new Map<string, number[]>(VARIANTS.map((v) => [v.key, []]));
  const errors = new Map<string, string[]>(VARIANTS.map((v) => [v.key, []]));
  const warmFailures = new Map<string, number>(VARIANTS.map((v) => [v.key, 0]));
  const limit = createRowDriver('limit', ctx.config.emulators.rtt.limit, ctx.plan.poolMaxSockets);
  try {
    await (await limit.build({ graphId: 'cold', nodeId: 'limit' })).converse();
    // Sample 0 is not recorded: it warms the JIT so "cold" means cold connections and pool, not cold code.
    for (let sample = 0; sample <= samples; sample += 1) {
      for (let k = 0; k < VARIANTS.length; k += 1) {
        const variant = VARIANTS[(sample + k) % VARIANTS.length]!;
        const driver: RowDriver = variant.row === 'limit' ? limit : createRowDriver(variant.row, ctx.config.emulators.rtt[variant.row], ctx.plan.poolMaxSockets);
        try {
          const t0 = now();
          const node = await driver.build({
            graphId: `flow-cold-${sample}`,
            nodeId: 'AmazonBedrockConverseModel-Cold1',
            warm: variant.warm,
            restOfBuild: () => simulatedBuild(ctx.plan.coldBuildMs),
          });
          const t1 = now();
          await node.converse();
          const t2 = now();
          await node.endRun();
          if (sample > 0) {
            firstCall.get(variant.key)!.push(t2 - t1);
            buildToResponse.get(variant.key)!.push(t2 - t0);
          }
          warmFailures.set(variant.key, warmFailures.get(variant.key)! + driver.warmUpFailures());
        } catch (error) {
          errors.get(variant.key)!.push(errorText(error));
        } finally {
          if (driver !== limit) await driver.close();
        }
        progress.tick(1, variant.label);
      }
    }
  } finally {
    await limit.close();
  }
  const { table, summaries } = latencyTable(
    VARIANTS.map((v) => ({
      row: v.row,
      label: v.key === v.row ? undefined : v.label,
      samples: firstCall.get(v.key)!,
      extras: {
        'build start -> response p50 ms': summarizeLatencies(buildToResponse.get(v.key)!).p50,
        'warm-up failures': warmFailures.get(v.key)!,
        errors: errors.get(v.key)!.length,
      },
    })),
  );
  const figures: Record<string, number> = {};
  const limitP50 = summaries.get('limit')?.p50;
  for (const v of VARIANTS) {
    const summary = summaries.get(v.key === v.row ? v.row : v.label)!;
    figures[`${v.key}.p50`] = summary.p50;
    figures[`${v.key}.p50OverLimit`] = ratio(summary.p50, limitP50);
  }
  return {
    scenario: 'cold',
    title: `2. Cold process: first call after a ${ctx.plan.coldBuildMs} ms graph build (${samples} samples per row, RTT ${ctx.config.rttMs} ms)`,
    description:
      'Each sample starts from nothing (a fresh pool or client), builds the graph (the node first, then ' +
      `${ctx.plan.coldBuildMs} ms of simulated build: CPU slices with event-loop turns, no timers) and then makes the first Converse call. ` +
      'Latency is the first call alone; "build start -> response" adds the build. With warm-up, the host calls `pool.warm(lease)` right after the node\'s acquire, so TCP + TLS + credentials overlap the build. One unrecorded sample per row warms the JIT first.',
    tables: [table],
    charts: [],
    figures,
    notes: [
      'Since the pool warms a slot that an `acquire` creates during a graph build (between `graphBuildStarted` and `graphBuildFinished`), the plain bedrock-flow rows warm up too: the explicit `pool.warm(lease)` rows now show the same figure. Before that pool change (commit e4bc1ca) the plain rows took 3.04× the limit.',
      ...VARIANTS.flatMap((v) => (errors.get(v.key)!.length ? [`${v.label} errors (first): ${errors.get(v.key)![0]}`] : [])),
    ],
    durationMs: now() - started,
    raw: { firstCallMs: Object.fromEntries(firstCall), buildToResponseMs: Object.fromEntries(buildToResponse), errors: Object.fromEntries(errors) },
  };
}
