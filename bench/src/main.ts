import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchOptionsError, parseBenchOptions, type ScenarioId } from './cli/bench-options';
import { scenarioPlan } from './cli/scenario-plan';
import { startEmulatorFleet } from './fleet/emulator-fleet';
import type { ParentMessage, WorkerConfig, WorkerMessage } from './ipc/protocol';
import { ProgressDisplay } from './progress/progress-display';
import { describeMachine } from './report/machine-info';
import { markdownTable } from './report/markdown-table';
import { evaluateTargets } from './report/targets';
import { writeResults } from './report/write-results';
import type { ScenarioResult } from './scenarios/scenario-result';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BENCH_DIR = path.resolve(HERE, '..');
// A worker that has not exited this long after reporting `done` is stopped: the bench always ends by itself.
const WORKER_EXIT_GRACE_MS = 10_000;

/**
 * `pnpm bench`: starts the emulator fleet here, runs the scenarios in a child process that trusts the fleet's CAs
 * through `NODE_EXTRA_CA_CERTS` (so stock clients keep the SDK's default handler), shows progress, and writes
 * `results/latest.md`, `latest.json` and the SVG charts.
 */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const plan = scenarioPlan(options.quick);
  const outDir = path.resolve(options.outDir ?? path.join(BENCH_DIR, 'results'));
  const loadStart = os.loadavg();
  const started = performance.now();
  const display = new ProgressDisplay();
  display.log(`bedrock-flow bench (${options.quick ? 'quick' : 'full'}): ${options.only.join(', ')}; RTT ${options.rttMs} ms`);

  const fleet = await startEmulatorFleet({ rttMs: options.rttMs, streamChunkDelayMs: plan.streamChunkDelayMs });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bedrock-flow-bench-'));
  const results: ScenarioResult[] = [];
  const failures: Array<{ scenario: ScenarioId; message: string }> = [];
  const warnings = new Set<string>();
  let stockResumed = 0;
  try {
    const caFile = path.join(tmp, 'emulator-ca.pem');
    await writeFile(caFile, fleet.extraCaPem());
    const config: WorkerConfig = { scenarios: options.only, plan, rttMs: options.rttMs, quick: options.quick, emulators: fleet.endpoints() };
    const worker = fork(path.join(HERE, 'worker', 'worker-main.ts'), [], {
      cwd: BENCH_DIR,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, BENCH_WORKER_CONFIG: JSON.stringify(config), TSX_TSCONFIG_PATH: path.join(BENCH_DIR, 'tsconfig.run.json') },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderr = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const finished = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    // Ctrl-C stops the worker; the scenarios done so far are still written and the fleet is closed.
    const stop = (): void => {
      worker.kill();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let doneTimer: NodeJS.Timeout | undefined;
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'scenarioStart':
          display.start(message.scenario, message.total);
          break;
        case 'progress':
          display.update(message.done, message.detail);
          break;
        case 'result':
          display.stop();
          results.push(message.result);
          display.log(`${message.result.title}: ${(message.result.durationMs / 1000).toFixed(1)} s`);
          break;
        case 'failed':
          display.stop();
          failures.push({ scenario: message.scenario, message: message.message });
          display.log(`scenario ${message.scenario} FAILED: ${message.message}`);
          break;
        case 'rpc': {
          const reply: ParentMessage = { type: 'rpcResult', id: message.id };
          try {
            if (message.method === 'counters') reply.counters = fleet.counters(message.set, message.row);
            else fleet.resetCounters(message.set, message.row);
          } catch (error) {
            reply.error = String(error);
          }
          worker.send(reply);
          break;
        }
        case 'done':
          doneTimer = setTimeout(() => worker.kill(), WORKER_EXIT_GRACE_MS);
          doneTimer.unref();
          break;
      }
    });
    const code = await finished;
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    clearTimeout(doneTimer);
    display.stop();
    for (const line of stderr.split('\n').map((l) => l.trim()).filter(Boolean)) warnings.add(line);
    if (code !== 0 && code !== null) display.log(`worker exited with code ${code}`);
    stockResumed = fleet.stockResumedSessions();
  } finally {
    await fleet.close();
    await rm(tmp, { recursive: true, force: true });
  }
  results.sort((a, b) => options.only.indexOf(a.scenario) - options.only.indexOf(b.scenario));
  const targets = evaluateTargets(results);
  const report = {
    quick: options.quick,
    rttMs: options.rttMs,
    totalMs: performance.now() - started,
    machine: describeMachine(loadStart),
    results,
    failures,
    targets,
    workerWarnings: [...warnings],
    methodNotes: [
      'CA trust: the stock rows\' clients are built exactly as a stock component builds them (region, endpoint, credentials); the measuring process is started with `NODE_EXTRA_CA_CERTS` pointing at the emulator\'s CA, so the SDK\'s own default handler (NodeHttp2Handler, `disableConcurrentStreams: true`, Node\'s default TLS options plus that root) trusts it without any option of ours. The other rows pass the CA as their `ca` option, as the pool\'s `tls.ca` does.',
      'The two stock rows share one emulator (OpenSSL looks trusted self-signed certificates up by subject, so the extra-CA file can hold only one of the emulators\' same-named certificates), each behind its own latency proxy, which counts its connections. Through the proxy one connection is one TLS handshake and one h2 session: ' +
        `the shared emulator saw ${stockResumed} resumed TLS session(s) in this run.`,
      'The emulator sets TCP_NODELAY on its sockets and on both sockets of its latency proxy, as real endpoints do: with Nagle in the proxy, Linux\'s delayed ACK stalled back-to-back h2 requests and fresh-connection event streams by ~40 ms (h2 at 1 in flight: 76 ms per call instead of 34). The measured clients keep their own defaults (the pool\'s h2 sockets set TCP_NODELAY themselves).',
      'Targets are evaluated on this run\'s figures; a quick run has fewer cycles and samples (the churn target is then over 1,000 cycles, not 10,000).',
    ],
  };
  const written = await writeResults(outDir, report);
  process.stdout.write(`\n${markdownTable({ columns: ['target', 'measured', 'met'], rows: targets.map((t) => [t.target, t.measured, t.met === null ? 'not run' : t.met ? 'met' : 'NOT MET']) })}\n\n`);
  process.stdout.write(`Total ${(report.totalMs / 1000).toFixed(1)} s. Wrote:\n${written.map((file) => `  ${path.relative(process.cwd(), file)}`).join('\n')}\n`);
  if (failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof BenchOptionsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
