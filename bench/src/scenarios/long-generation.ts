import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { converseInput } from '../rows/converse-request';
import {
  bedrockFlowExperimentClient,
  LONG_GENERATION_ROWS,
  seedExperimentClient,
  stockExperimentClient,
  type ExperimentClient,
  type LongGenerationRow,
} from './long-generation-clients';
import type { LongGenerationPlan } from './long-generation-plan';
import { longGenerationFigures, longGenerationTable, silentDropTable, type ExperimentOutcome } from './long-generation-tables';
import { now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { ScenarioResult } from './scenario-result';
import { clientConnectionsTo, dropConnectionsTo, kernelDropUnavailableReason, runInPrivateNetwork } from './kernel-silent-drop';

/** The factor a row's times run at: the seed's bound and answer are scaled together; stock and bedrock-flow run their real settings. */
function timeScaleOf(row: LongGenerationRow, plan: LongGenerationPlan, experiment: 'longGeneration' | 'silentDrop'): number {
  if (row === 'seed') return plan.seedScale;
  return experiment === 'longGeneration' ? plan.unboundedRowsAnswerScale : 1;
}

function clientFor(row: LongGenerationRow, endpoint: string, plan: LongGenerationPlan): ExperimentClient {
  if (row === 'stock') return stockExperimentClient(endpoint);
  if (row === 'seed') return seedExperimentClient(endpoint, plan.seedReadTimeoutMs * plan.seedScale, plan.seedMaxAttempts);
  return bedrockFlowExperimentClient(endpoint);
}

/** `answer`, or the error's name with its code when it has one. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== error.name ? `${error.name} (${code})` : error.name;
}

/**
 * Sends one Converse call, aborting it after `capMs` (the bench must stop by itself: a stock client has no timeout).
 * Resolves with whether it answered, what happened and how long it took.
 */
async function timedCall(client: ExperimentClient, capMs: number, call: DropCall = 'Converse', capFrom?: Promise<void>): Promise<{ answered: boolean; outcome: string; ms: number }> {
  const abort = new AbortController();
  let capped = false;
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  const arm = () => {
    if (settled) return;
    timer = setTimeout(() => {
      capped = true;
      abort.abort();
    }, capMs);
  };
  // The cap counts from `capFrom` when given (the kernel drop: from the drop), else from the call's start.
  if (capFrom) void capFrom.then(arm);
  else arm();
  const t0 = now();
  try {
    if (call === 'Converse') await client.client.send(new ConverseCommand(converseInput()), { abortSignal: abort.signal });
    else {
      const out = await client.client.send(new ConverseStreamCommand(converseInput()), { abortSignal: abort.signal });
      for await (const _event of out.stream ?? []) {
        // Drained: the answer is the whole stream.
      }
    }
    // An aborted event stream can end without an error: an abort is never an answer.
    if (capped) return { answered: false, outcome: `not detected within ${capMs / 1000} s (aborted by the bench)`, ms: now() - t0 };
    return { answered: true, outcome: 'answer', ms: now() - t0 };
  } catch (error) {
    const ms = now() - t0;
    return { answered: false, outcome: capped ? `not detected within ${capMs / 1000} s (aborted by the bench)` : describeError(error), ms };
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}

async function withEmulator<T>(options: EmulatorOptions, run: (emu: RunningEmulator) => Promise<T>): Promise<T> {
  const emu = await startEmulator(options);
  try {
    return await run(emu);
  } finally {
    await emu.close();
  }
}

/** One row against a generation that takes `answerMs` (scaled for the row). */
function longGeneration(row: LongGenerationRow, plan: LongGenerationPlan): Promise<ExperimentOutcome> {
  const timeScale = timeScaleOf(row, plan, 'longGeneration');
  const answerMs = plan.answerMs * timeScale;
  return withEmulator({ faults: { generationPace: { answerMs } } }, async (emu) => {
    const client = clientFor(row, emu.url, plan);
    try {
      // Generous: three full attempts of the seed, or the answer three times over, plus slack.
      const result = await timedCall(client, Math.max(answerMs, plan.seedReadTimeoutMs * timeScale) * plan.seedMaxAttempts + 30_000);
      const stats = emu.stats();
      return { row, settings: client.settings, timeScale, answerMs, ...result, requests: stats.requests.byOperation['Converse'] ?? 0, connections: stats.connections.accepted };
    } finally {
      await client.close();
    }
  });
}

/** The call made on the dropped connection. */
export type DropCall = 'Converse' | 'ConverseStream';

/** One row: a call warms a connection, the proxy drops it silently, the next call (`call`) is timed. */
function silentDrop(row: LongGenerationRow, plan: LongGenerationPlan, call: DropCall): Promise<ExperimentOutcome> {
  const timeScale = timeScaleOf(row, plan, 'silentDrop');
  return withEmulator({ proxy: true }, async (emu) => {
    const client = clientFor(row, emu.url, plan);
    try {
      await client.client.send(new ConverseCommand(converseInput()));
      emu.resetStats();
      const dropped = emu.dropIdleConnections();
      const result = await timedCall(client, plan.dropCapMs, call);
      const stats = emu.stats();
      return { row, call, drop: 'middlebox', settings: client.settings, timeScale, dropped, ...result, requests: stats.requests.byOperation[call] ?? 0, connections: stats.connections.accepted };
    } finally {
      await client.close();
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One row, a real silent drop (run inside a private loopback-only network namespace, see kernel-silent-drop.ts): one
 * call warms the connection, the next (`call`) is sent to a model that takes the long-generation answer time, and
 * once the emulator has the request and the client's kernel has its ACK (the model is "generating"), nftables drops
 * every packet of the row's connections. Timed from the drop until the call answers, fails or is aborted.
 */
export function kernelDrop(row: LongGenerationRow, plan: LongGenerationPlan, call: DropCall): Promise<ExperimentOutcome> {
  // The answer is scaled as in the long generation; the detection is not (keep-alive, stock's lack of a timeout), so
  // only the seed's times, whose read timeout runs at ×seedScale, are multiplied back.
  const timeScale = timeScaleOf(row, plan, 'silentDrop');
  const answerMs = plan.answerMs * timeScaleOf(row, plan, 'longGeneration');
  return withEmulator({ faults: {} }, async (emu) => {
    const client = clientFor(row, emu.url, plan);
    const port = Number(new URL(emu.url).port);
    try {
      await client.client.send(new ConverseCommand(converseInput()));
      emu.resetStats();
      emu.setFaults({ generationPace: { answerMs } });
      let dropped!: () => void;
      const dropMade = new Promise<void>((resolve) => (dropped = resolve));
      const started = now();
      const pending = timedCall(client, plan.dropCapMs, call, dropMade);
      const until = now() + 5_000;
      while (now() < until && !((emu.stats().requests.byOperation[call] ?? 0) >= 1 && clientConnectionsTo(port).every((c) => c.unacknowledged === 0))) await sleep(5);
      const dropAt = now();
      const drop = dropConnectionsTo(port);
      dropped();
      try {
        const result = await pending;
        const stats = emu.stats();
        return {
          row,
          call,
          drop: 'kernel',
          settings: client.settings,
          timeScale,
          answerMs,
          dropped: drop.ports.length,
          ...result,
          ms: result.ms - (dropAt - started),
          requests: stats.requests.byOperation[call] ?? 0,
          connections: stats.connections.accepted,
        };
      } finally {
        drop.lift();
      }
    } finally {
      await client.close();
    }
  });
}

const KERNEL_DROP_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'long-generation-kernel-drop-main.ts');

/** The kernel-drop rows (every row × call, at once) from a child in a private network namespace, or why not. */
async function kernelDrops(plan: LongGenerationPlan, calls: readonly DropCall[]): Promise<{ outcomes: ExperimentOutcome[]; skipped?: string }> {
  const reason = kernelDropUnavailableReason();
  if (reason) return { outcomes: [], skipped: reason };
  const outcomes = await runInPrivateNetwork<ExperimentOutcome[]>(KERNEL_DROP_MAIN, { BENCH_KERNEL_DROP: JSON.stringify({ plan, calls }) }, process.cwd());
  return { outcomes };
}

/**
 * Scenario 8: a long generation and a silent drop, for stock, seed and bedrock-flow side by side. Each row has its own
 * emulator (cleartext loopback, in this process: a stock client trusts only the fleet's CA), and the rows of one
 * experiment run at the same time: the figures are seconds of waiting, not CPU.
 */
export async function runLongGeneration(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const plan = ctx.plan.longGeneration;
  const calls: DropCall[] = ['Converse', 'ConverseStream'];
  const progress = new ProgressReporter('long-generation', LONG_GENERATION_ROWS.length * (1 + calls.length), ctx.channel);
  const tick = <T>(detail: string) => (value: T): T => {
    progress.tick(1, detail);
    return value;
  };
  const generations = await Promise.all(LONG_GENERATION_ROWS.map((row) => longGeneration(row, plan).then(tick(`${row} long generation`))));
  const kernel = await kernelDrops(plan, calls);
  progress.tick(0, kernel.skipped ? `kernel drop not run: ${kernel.skipped}` : 'kernel drop done');
  const stalls = await Promise.all(calls.flatMap((call) => LONG_GENERATION_ROWS.map((row) => silentDrop(row, plan, call).then(tick(`${row} silent drop, ${call}`)))));
  const drops = [...kernel.outcomes, ...stalls];
  const seedAnswerS = (plan.answerMs * plan.seedScale) / 1000;
  const seedTimeoutS = (plan.seedReadTimeoutMs * plan.seedScale) / 1000;
  return {
    scenario: 'long-generation',
    title: `8. Long generations and silent drops: stock, seed and bedrock-flow side by side (${plan.answerMs / 1000} s answer; seed scaled ×${plan.seedScale})`,
    description:
      `Each row gets its own emulator on cleartext loopback (HTTP/1.1 or h2c, no latency proxy except for the drop). **Long generation**: a non-streaming Converse answer takes ${plan.answerMs / 1000} s to generate (\`generationPace.answerMs\`: the connection is alive, the answer comes whole at the end). ` +
      `**Silent drop, kernel** (${kernel.skipped ? `not run here: ${kernel.skipped}` : 'run as root in a private loopback-only network namespace'}): one call warms the row's connection, the next is sent to a model that takes the long-generation answer time (as the row runs it), and once the emulator has the request and the client's kernel its ACK, nftables drops every packet of the row's connections both ways (no FIN, no RST: a NAT or firewall that forgot the flow); timed from the drop. ` +
      `**Middlebox stall**: one call warms the row's connection, the proxy then drops every idle connection without closing either side (\`dropIdleConnections()\`), and the next call (Converse, or ConverseStream drained to its end) is timed until it answers or fails; the bench aborts it after ${plan.dropCapMs / 1000} s. ` +
      `**Scaling**: the seed row runs at ×${plan.seedScale} — its ${plan.seedReadTimeoutMs / 1000} s read timeout as ${seedTimeoutS} s, the answer as ${seedAnswerS} s — which keeps the ratio (answer longer than the timeout, ${plan.seedMaxAttempts} attempts), so it behaves as at full scale; its times are also shown multiplied back. ` +
      `Stock and bedrock-flow run with their real settings (stock: no timeout; bedrock-flow: the pool's defaults), ${plan.unboundedRowsAnswerScale === 1 ? `against the real ${plan.answerMs / 1000} s answer` : `against the answer scaled ×${plan.unboundedRowsAnswerScale} (their bounds are not scaled, so their real-scale column multiplies only the answer time)`}; in the silent drop nothing of theirs is scaled. "requests billed" is what the emulator received: a request the drop swallowed never reaches Bedrock.`,
    tables: [longGenerationTable(generations, plan.answerMs), silentDropTable(drops)],
    charts: [],
    figures: longGenerationFigures(generations, drops),
    notes: [
      ...(kernel.skipped ? [`The kernel-level drop rows were not run: ${kernel.skipped}.`] : []),
      'Kernel drop: nothing answers TCP keep-alive probes any more, so a client that probes while its request waits (bedrock-flow: from the first request, 1 s idle, every 1 s, 10 probes) gets ETIMEDOUT from its kernel in about 11 s; one without probes waits for its own timeout, or forever. A drop that catches the request itself in flight (unacknowledged) is not found this way: Linux does not probe while data is unacknowledged. The seed\'s keep-alive agent probes too (Node\'s http.Agent with keepAlive turns probes on, 1 s): its stream ends like bedrock-flow\'s; its Converse hits its ×0.1 read timeout first and is sent 3 times. Probes are not scaled, so the seed\'s kernel-drop times are shown as run only: at real scale its 60 s read timeout would not come first, keep-alive would end the attempt after about 11 s, and the SDK\'s standard retries would send the generation again on a new connection (billed again, then the 70 s answer against the 60 s timeout).',
      'Middlebox stall (the proxy rows): what the drop shows is what a real path shows for a request sent right after the drop: on a real path the request\'s segments go unacknowledged, and Linux sends no keep-alive probe while data is unacknowledged (it retransmits, for up to ~15 min with the default tcp_retries2), so only an application bound (a read or silence timeout, an unacknowledged HTTP/2 PING) ends the wait. Here the proxy\'s kernel acknowledges the segments instead, with the same result: silence.',
      'Not detectable by TCP keep-alive: in the middlebox stall the proxy\'s kernel still answers the probes, so only an application bound (a read or silence timeout) ends the wait.',
    ],
    durationMs: now() - started,
    raw: { plan, generations, drops },
  };
}
