import { createRowDriver } from '../rows/create-row-driver';
import { ROW_IDS, ROW_LABELS, type RowId } from '../rows/row-id';
import { canCollect, heapAfterGc } from './heap';
import { errorText, now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { Cell, ScenarioResult } from './scenario-result';

interface ChurnOutcome {
  heapBeforeMB: number;
  heapAfterMB: number;
  heapSamples: Array<[number, number]>;
  calls: number;
  errors: string[];
  wallMs: number;
  openConnections: number;
  poolConnectionsOpen: number | null;
  slotsAlive: number | null;
  leases: number | null;
  graphs: number | null;
}

/**
 * Scenario 4: `churnCycles` build/dispose cycles per row, each with a NEW graph id and node id (flows edited and
 * replaced), one Converse call every `churnCallEvery` cycles so the slot stays in use. Heap is measured after full
 * GCs, after `churnWarmupCycles` unmeasured cycles and again at the end; RTT 0.
 */
export async function runChurn(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const { churnCycles: cycles, churnWarmupCycles: warmup, churnCallEvery: callEvery } = ctx.plan;
  const rows = [...ROW_IDS];
  const progress = new ProgressReporter('churn', rows.length * (cycles + warmup), ctx.channel);
  const sampleEvery = Math.max(1, Math.floor(cycles / 20));
  const outcomes = new Map<RowId, ChurnOutcome>();
  for (const row of rows) {
    const driver = createRowDriver(row, ctx.config.emulators.local[row], ctx.plan.poolMaxSockets);
    const errors: string[] = [];
    const heapSamples: Array<[number, number]> = [];
    let calls = 0;
    let heapBeforeMB = NaN;
    const t0 = now();
    try {
      for (let i = 0; i < warmup + cycles; i += 1) {
        if (i === warmup) heapBeforeMB = await heapAfterGc();
        if (i >= warmup && (i - warmup) % sampleEvery === 0) heapSamples.push([i - warmup, await heapAfterGc()]);
        try {
          const node = await driver.build({ graphId: `flow-churn-${i}`, nodeId: `AmazonBedrockConverseModel-${i.toString(36)}`, disposeGraphAfterRun: true });
          if (i % callEvery === 0) {
            await node.converse();
            calls += 1;
          }
          await node.endRun();
        } catch (error) {
          errors.push(errorText(error));
        }
        progress.tick(1, ROW_LABELS[row]);
      }
      const heapAfterMB = await heapAfterGc();
      heapSamples.push([cycles, heapAfterMB]);
      const counters = await ctx.channel.counters('local', row);
      const metrics = driver.poolMetrics();
      outcomes.set(row, {
        heapBeforeMB,
        heapAfterMB,
        heapSamples,
        calls,
        errors,
        wallMs: now() - t0,
        openConnections: counters.openConnections,
        poolConnectionsOpen: metrics ? metrics.totals.connectionsOpen : null,
        slotsAlive: metrics ? metrics.slots.length : null,
        leases: metrics ? metrics.leases : null,
        graphs: metrics ? metrics.graphs : null,
      });
    } finally {
      await driver.close();
    }
  }
  const figures: Record<string, number> = { cycles };
  const tableRows: Cell[][] = rows.map((row) => {
    const o = outcomes.get(row)!;
    const growth = o.heapAfterMB - o.heapBeforeMB;
    figures[`${row}.heapGrowthMB`] = growth;
    figures[`${row}.openConnections`] = o.openConnections;
    if (o.slotsAlive !== null) figures[`${row}.slotsAlive`] = o.slotsAlive;
    if (o.leases !== null) figures[`${row}.leases`] = o.leases;
    return [
      ROW_LABELS[row],
      cycles,
      o.calls,
      o.heapBeforeMB,
      o.heapAfterMB,
      growth,
      (growth * 1024 * 1024) / cycles,
      o.openConnections < 0 ? 'n/a (shared emulator)' : o.openConnections,
      o.poolConnectionsOpen,
      o.slotsAlive,
      o.leases,
      o.graphs,
      (o.wallMs / (cycles + warmup)) * 1000,
      o.errors.length,
    ];
  });
  return {
    scenario: 'churn',
    title: `4. Churn: ${cycles} build/dispose cycles with new graph and node ids (RTT 0, a call every ${callEvery} cycles)`,
    description:
      `Every cycle builds a node with a new graph id and node id, ends the run (bedrock-flow: \`graphDisposed\`; stock and seed: the client is destroyed) and every ${callEvery}th cycle makes a Converse call. ` +
      `Heap is \`heapUsed\` after two full GCs (\`--expose-gc\`${canCollect() ? '' : ' — NOT available in this run, figures are without GC'}), taken after ${warmup} unmeasured cycles and at the end. ` +
      'Open connections are counted by the row\'s emulator (server side), pool connections, slots / leases / graphs from `pool.metrics()` (the slot stays alive: its last lease went less than `releaseGraceMs` ago, which is what lets the next build reuse it).',
    tables: [
      {
        columns: ['row', 'cycles', 'calls', 'heap before MB', 'heap after MB', 'growth MB', 'bytes per cycle', 'open connections (server)', 'pool connections open', 'slots alive', 'leases', 'graphs', 'µs per cycle', 'errors'],
        rows: tableRows,
      },
    ],
    charts: [],
    figures,
    notes: rows.flatMap((row) => (outcomes.get(row)!.errors.length ? [`${ROW_LABELS[row]} errors (first): ${outcomes.get(row)!.errors[0]}`] : [])),
    durationMs: now() - started,
    raw: Object.fromEntries(rows.map((row) => [row, outcomes.get(row)])),
  };
}
