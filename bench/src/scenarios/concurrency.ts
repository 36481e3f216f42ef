import { createRowDriver } from '../rows/create-row-driver';
import type { RowDriver } from '../rows/row-driver';
import { ROW_IDS, ROW_LABELS, type RowId } from '../rows/row-id';
import { latencyTable, ratio } from './latency-table';
import { errorText, now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { Cell, ScenarioResult } from './scenario-result';

const GRAPH_ID = 'flow-concurrency';
const NODE_ID = 'AmazonBedrockConverseModel-Conc1';

interface LevelOutcome {
  latencies: number[];
  errors: string[];
  wallMs: number;
  /** CPU time of the measuring process over the level, as a share of one core (100 = one core busy all along). */
  clientCpuPercent: number;
}

/** Runs `calls` runs (build + call + end of run) with `inFlight` of them at a time; latency is the call alone. */
async function runLevel(driver: RowDriver, inFlight: number, calls: number, onCall: () => void): Promise<LevelOutcome> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < calls) {
        next += 1;
        try {
          const node = await driver.build({ graphId: GRAPH_ID, nodeId: NODE_ID });
          const t1 = now();
          await node.converse();
          latencies.push(now() - t1);
          await node.endRun();
        } catch (error) {
          errors.push(errorText(error));
        }
        onCall();
      }
    }),
  );
  const wallMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { latencies, errors, wallMs, clientCpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100 };
}

/**
 * Scenario 3: many runs of one popular flow at once. For each in-flight level, every row first runs one unmeasured
 * round of `level` calls (so pooled rows and the limit reach their steady connection count), then the measured
 * calls. The pool (and the seed's and the limit's agents) hold at most `poolMaxSockets` sockets. Each row keeps
 * one driver across levels, as a process would.
 */
export async function runConcurrency(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const { concurrencyLevels: levels, concurrencyMinCalls, concurrencyCallsPerSlot, poolMaxSockets } = ctx.plan;
  const rows = [...ROW_IDS];
  const callsAt = (level: number) => Math.max(concurrencyMinCalls, level * concurrencyCallsPerSlot);
  const total = rows.length * levels.reduce((sum, level) => sum + level + callsAt(level), 0);
  const progress = new ProgressReporter('concurrency', total, ctx.channel);
  const drivers = new Map<RowId, RowDriver>(rows.map((row) => [row, createRowDriver(row, ctx.config.emulators.rtt[row], poolMaxSockets)]));
  const outcomes = new Map<string, LevelOutcome & { connections: number; sessions: number; cumulativeConnections: number; cumulativeSessions: number }>();
  try {
    for (const row of rows) await ctx.channel.resetCounters('rtt', row);
    for (const level of levels) {
      for (const row of rows) {
        const driver = drivers.get(row)!;
        const before = await ctx.channel.counters('rtt', row);
        await runLevel(driver, level, level, () => progress.tick(1, `${level} in flight: ${ROW_LABELS[row]}`));
        const outcome = await runLevel(driver, level, callsAt(level), () => progress.tick(1, `${level} in flight: ${ROW_LABELS[row]}`));
        const after = await ctx.channel.counters('rtt', row);
        outcomes.set(`${row}@${level}`, {
          ...outcome,
          connections: after.connections - before.connections,
          sessions: after.http2Sessions - before.http2Sessions,
          cumulativeConnections: after.connections,
          cumulativeSessions: after.http2Sessions,
        });
      }
    }
  } finally {
    await Promise.all([...drivers.values()].map((driver) => driver.close()));
  }
  const figures: Record<string, number> = {};
  const tables = levels.map((level) => {
    const limit = outcomes.get(`limit@${level}`)!;
    const limitThroughput = limit.latencies.length / (limit.wallMs / 1000);
    const stock = outcomes.get(`stock@${level}`)!;
    const stockThroughput = stock.latencies.length / (stock.wallMs / 1000);
    const built = latencyTable(
      rows.map((row) => {
        const o = outcomes.get(`${row}@${level}`)!;
        const throughput = o.latencies.length / (o.wallMs / 1000);
        const extras: Record<string, Cell> = {
          'calls/s': throughput,
          'calls/s × limit': ratio(throughput, limitThroughput),
          'calls/s × stock': ratio(throughput, stockThroughput),
          'client CPU % of a core': o.clientCpuPercent,
          'connections opened': o.connections,
          'h2 sessions opened': o.sessions,
          errors: o.errors.length,
        };
        return { row, samples: o.latencies, extras };
      }),
      { caption: `${level} in flight (${callsAt(level)} measured calls per row, after ${level} unmeasured)` },
    );
    for (const row of rows) {
      const o = outcomes.get(`${row}@${level}`)!;
      const throughput = o.latencies.length / (o.wallMs / 1000);
      figures[`${row}.c${level}.throughput`] = throughput;
      figures[`${row}.c${level}.throughputOverLimit`] = ratio(throughput, limitThroughput);
      // Connections over the whole scenario up to this level: the bound must hold from the first call on.
      figures[`${row}.c${level}.connections`] = o.cumulativeConnections;
      figures[`${row}.c${level}.sessions`] = o.cumulativeSessions;
      figures[`${row}.c${level}.errors`] = o.errors.length;
      figures[`${row}.c${level}.p50`] = built.summaries.get(row)!.p50;
      figures[`${row}.c${level}.clientCpuPercent`] = o.clientCpuPercent;
    }
    return built.table;
  });
  return {
    scenario: 'concurrency',
    title: `3. Concurrency ${levels.join('/')} in flight, ${poolMaxSockets} sockets max (RTT ${ctx.config.rttMs} ms)`,
    description:
      'N runs of the same flow at once, each a build + one Converse call; throughput is measured calls over the wall time of the measured part. ' +
      '"client CPU" is the measuring process\'s CPU time over the level\'s wall time: near 100 % the single-threaded client, not the network, is the bottleneck. Connections and h2 sessions are counted by each row\'s emulator (stock rows: by their proxy; every connection is one h2 session there). The pool, the seed client and the limit\'s agent are bounded to the same socket count, so above 50 in flight the HTTP/1.1 rows (the limit included) queue for a socket while the h2 rows multiplex on one session: there the limit is the HTTP/1.1 floor, not an h2 one.',
    tables,
    charts: [
      {
        file: 'scenario-3-throughput.svg',
        title: `Scenario 3: throughput vs calls in flight (RTT ${ctx.config.rttMs} ms)`,
        xLabel: 'calls in flight (log scale)',
        yLabel: 'calls per second',
        logX: true,
        series: rows.map((row) => ({ name: ROW_LABELS[row], points: levels.map((level): [number, number] => [level, figures[`${row}.c${level}.throughput`]!]) })),
      },
    ],
    figures,
    notes: [...outcomes.entries()].flatMap(([key, o]) => (o.errors.length ? [`${key}: ${o.errors.length} error(s), first: ${o.errors[0]}`] : [])),
    durationMs: now() - started,
    raw: Object.fromEntries([...outcomes.entries()].map(([key, o]) => [key, { latencyMs: o.latencies, wallMs: o.wallMs, clientCpuPercent: o.clientCpuPercent, errors: o.errors, connections: o.connections, sessions: o.sessions }])),
  };
}
