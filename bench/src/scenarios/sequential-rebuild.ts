import { createRowDriver } from '../rows/create-row-driver';
import type { RowDriver } from '../rows/row-driver';
import { ROW_IDS, ROW_LABELS, type RowId } from '../rows/row-id';
import { latencyTable, ratio } from './latency-table';
import { errorText, now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { ScenarioResult } from './scenario-result';

const GRAPH_ID = 'flow-sequential';
const NODE_ID = 'AmazonBedrockConverseModel-Seq01';

/**
 * Scenario 1: the same saved flow rebuilt and run `sequentialCycles` times, one Converse call per run, RTT from
 * `--rtt-ms`. Rows run interleaved (cycle i runs every row once, starting at a rotating row), each against its own
 * emulator, so drift on the shared machine hits every row alike and connection counts stay per row.
 */
export async function runSequentialRebuild(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const cycles = ctx.plan.sequentialCycles;
  const rows = [...ROW_IDS];
  const progress = new ProgressReporter('sequential', cycles * rows.length, ctx.channel);
  const drivers = new Map<RowId, RowDriver>(rows.map((row) => [row, createRowDriver(row, ctx.config.emulators.rtt[row], ctx.plan.poolMaxSockets)]));
  const calls = new Map<RowId, number[]>(rows.map((row) => [row, []]));
  const builds = new Map<RowId, number[]>(rows.map((row) => [row, []]));
  const errors = new Map<RowId, string[]>(rows.map((row) => [row, []]));
  try {
    // The limit stands for a socket that is already open: open it before counting.
    await (await drivers.get('limit')!.build({ graphId: GRAPH_ID, nodeId: NODE_ID })).converse();
    for (const row of rows) await ctx.channel.resetCounters('rtt', row);
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      for (let k = 0; k < rows.length; k += 1) {
        const row = rows[(cycle + k) % rows.length]!;
        const driver = drivers.get(row)!;
        try {
          const t0 = now();
          const node = await driver.build({ graphId: GRAPH_ID, nodeId: NODE_ID });
          const t1 = now();
          await node.converse();
          const t2 = now();
          await node.endRun();
          builds.get(row)!.push(t1 - t0);
          calls.get(row)!.push(t2 - t1);
        } catch (error) {
          errors.get(row)!.push(errorText(error));
        }
        progress.tick(1, ROW_LABELS[row]);
      }
    }
    const counts = new Map<RowId, { connections: number; handshakes: number; credentials: number; requests: number }>();
    for (const row of rows) {
      const stats = await ctx.channel.counters('rtt', row);
      counts.set(row, {
        connections: stats.connections,
        handshakes: stats.tlsHandshakes,
        requests: stats.requests,
        credentials: drivers.get(row)!.credentialResolutions(),
      });
    }
    const { table, summaries } = latencyTable(
      rows.map((row) => {
        const count = counts.get(row)!;
        const buildSamples = builds.get(row)!;
        return {
          row,
          samples: calls.get(row)!,
          extras: {
            'build mean ms': buildSamples.reduce((a, b) => a + b, 0) / Math.max(1, buildSamples.length),
            connections: count.connections,
            'TLS handshakes': count.handshakes,
            'credential resolutions': row === 'limit' ? 'n/a (unsigned)' : count.credentials,
            errors: errors.get(row)!.length,
          },
        };
      }),
    );
    const figures: Record<string, number> = {};
    const limitP50 = summaries.get('limit')?.p50;
    for (const row of rows) {
      const summary = summaries.get(row)!;
      figures[`${row}.p50`] = summary.p50;
      figures[`${row}.p50OverLimit`] = ratio(summary.p50, limitP50);
      figures[`${row}.handshakes`] = counts.get(row)!.handshakes;
      figures[`${row}.connections`] = counts.get(row)!.connections;
      figures[`${row}.credentialResolutions`] = counts.get(row)!.credentials;
      figures[`${row}.errors`] = errors.get(row)!.length;
    }
    figures.cycles = cycles;
    const poolTotals = (['bfHttp1', 'bfHttp2', 'bfComponent'] as const).map((row) => {
      const metrics = drivers.get(row)!.poolMetrics()?.totals;
      return `${ROW_LABELS[row]}: pool counted ${metrics?.connectionsOpened ?? '?'} connection(s), ${metrics?.tlsHandshakes ?? '?'} TLS handshake(s), ${metrics?.credentialResolutions ?? '?'} credential resolution(s), ${metrics?.requestsOnReusedConnections ?? '?'} request(s) on reused connections`;
    });
    return {
      scenario: 'sequential',
      title: `1. Sequential rebuild + call (${cycles} cycles, RTT ${ctx.config.rttMs} ms)`,
      description:
        'Each cycle rebuilds the same saved flow (stable graph and node ids) and makes one Converse call. Latency is the call alone (`client.send` / `invoke` to the parsed response); the time to build the node is the "build mean" column. Connections and TLS handshakes are counted by each row\'s own emulator; credential resolutions by a counting provider (SDK rows) or the pool\'s metrics.',
      tables: [table],
      charts: [
        {
          file: 'scenario-1-latency-per-cycle.svg',
          title: `Scenario 1: call latency per cycle (RTT ${ctx.config.rttMs} ms)`,
          xLabel: 'cycle',
          yLabel: 'latency (ms)',
          series: rows.map((row) => ({ name: ROW_LABELS[row], points: calls.get(row)!.map((ms, i): [number, number] => [i + 1, ms]) })),
        },
      ],
      figures,
      notes: [...poolTotals, ...rows.flatMap((row) => (errors.get(row)!.length ? [`${ROW_LABELS[row]} errors (first): ${errors.get(row)![0]}`] : []))],
      durationMs: now() - started,
      raw: { callMs: Object.fromEntries(calls), buildMs: Object.fromEntries(builds), counts: Object.fromEntries(counts), errors: Object.fromEntries(errors) },
    };
  } finally {
    await Promise.all([...drivers.values()].map((driver) => driver.close()));
  }
}
