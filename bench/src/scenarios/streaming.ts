import { createRowDriver } from '../rows/create-row-driver';
import type { RowDriver } from '../rows/row-driver';
import { ROW_IDS, ROW_LABELS, type RowId } from '../rows/row-id';
import { latencyTable, ratio } from './latency-table';
import { errorText, now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { ScenarioResult } from './scenario-result';

const GRAPH_ID = 'flow-streaming';
const NODE_ID = 'AmazonBedrockConverseModel-Str01';

/**
 * Scenario 6: ConverseStream through every row, rebuilding per call like scenario 1: time to the first text delta
 * and to the end of the stream, with the emulator pausing `streamChunkDelayMs` between frames.
 */
export async function runStreaming(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const samples = ctx.plan.streamingSamples;
  const rows = [...ROW_IDS];
  const progress = new ProgressReporter('streaming', samples * rows.length, ctx.channel);
  const drivers = new Map<RowId, RowDriver>(rows.map((row) => [row, createRowDriver(row, ctx.config.emulators.rtt[row], ctx.plan.poolMaxSockets)]));
  const first = new Map<RowId, number[]>(rows.map((row) => [row, []]));
  const last = new Map<RowId, number[]>(rows.map((row) => [row, []]));
  const errors = new Map<RowId, string[]>(rows.map((row) => [row, []]));
  try {
    // Open the limit's socket, and let every pooled row reach its steady state, before counting.
    for (const row of rows) await (await drivers.get(row)!.build({ graphId: GRAPH_ID, nodeId: NODE_ID })).converseStream(() => undefined).catch(() => undefined);
    for (const row of rows) await ctx.channel.resetCounters('rtt', row);
    for (let i = 0; i < samples; i += 1) {
      for (let k = 0; k < rows.length; k += 1) {
        const row = rows[(i + k) % rows.length]!;
        try {
          const node = await drivers.get(row)!.build({ graphId: GRAPH_ID, nodeId: NODE_ID });
          const t0 = now();
          let tFirst = NaN;
          await node.converseStream(() => {
            tFirst = now();
          });
          const tEnd = now();
          await node.endRun();
          first.get(row)!.push(tFirst - t0);
          last.get(row)!.push(tEnd - t0);
        } catch (error) {
          errors.get(row)!.push(errorText(error));
        }
        progress.tick(1, ROW_LABELS[row]);
      }
    }
    const connections = new Map<RowId, { accepted: number; sessions: number }>();
    for (const row of rows) {
      const stats = await ctx.channel.counters('rtt', row);
      connections.set(row, { accepted: stats.connections, sessions: stats.http2Sessions });
    }
    const ttft = latencyTable(
      rows.map((row) => ({
        row,
        samples: first.get(row)!,
        extras: { connections: connections.get(row)!.accepted, 'h2 sessions': connections.get(row)!.sessions, errors: errors.get(row)!.length },
      })),
      { caption: 'Time to first token' },
    );
    const ttlt = latencyTable(rows.map((row) => ({ row, samples: last.get(row)! })), { caption: 'Time to last token (end of stream)' });
    const figures: Record<string, number> = {};
    for (const row of rows) {
      figures[`${row}.ttftP50`] = ttft.summaries.get(row)!.p50;
      figures[`${row}.ttltP50`] = ttlt.summaries.get(row)!.p50;
      figures[`${row}.ttftOverLimit`] = ratio(ttft.summaries.get(row)!.p50, ttft.summaries.get('limit')!.p50);
      figures[`${row}.connections`] = connections.get(row)!.accepted;
    }
    return {
      scenario: 'streaming',
      title: `6. Streaming: ConverseStream time to first / last token (${samples} calls per row, RTT ${ctx.config.rttMs} ms, ${ctx.plan.streamChunkDelayMs} ms between frames)`,
      description:
        'Each call rebuilds the node (as scenario 1) and streams a ten-word echo (a dozen delta frames). First token = the first `contentBlockDelta` with text (limit: the first bytes carrying that event type); last token = the end of the stream. Connections counted by each row\'s emulator, after one unmeasured call per row.',
      tables: [ttft.table, ttlt.table],
      charts: [],
      figures,
      notes: rows.flatMap((row) => (errors.get(row)!.length ? [`${ROW_LABELS[row]} errors (first): ${errors.get(row)![0]}`] : [])),
      durationMs: now() - started,
      raw: { firstTokenMs: Object.fromEntries(first), lastTokenMs: Object.fromEntries(last), connections: Object.fromEntries(connections), errors: Object.fromEntries(errors) },
    };
  } finally {
    await Promise.all([...drivers.values()].map((driver) => driver.close()));
  }
}
