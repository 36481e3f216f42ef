/**
 * A real `redis-server` (Debian package `redis-server`) for tests: started on a free loopback port in
 * a temp dir with persistence off (`--save "" --appendonly no`), stopped (or SIGKILLed) by the test.
 * A missing binary FAILS the test with the reason, unless `BEDROCK_FLOW_SKIP_REDIS=1` opts out, in
 * which case {@link redisUnavailable} says so and the caller skips with a visible warning.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireLoopbackOnlyNetwork } from './loopback-only-network';

/** Where the binary is looked for: `REDIS_SERVER_BIN`, else `redis-server` on the PATH. */
export const REDIS_SERVER_BIN = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';

/** A running server. */
export interface RunningRedis {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** SIGKILLs the server (an outage, no goodbye) and waits for the process to end. */
  kill(): Promise<void>;
  /** Starts a server again on the same port and dir (after `kill`). */
  restart(): Promise<void>;
  /** SIGSTOPs the server: connections stay open, nothing answers (a hung Redis). */
  pause(): void;
  /** SIGCONTs a paused server. */
  resume(): void;
  /** Stops the server and removes its dir. Idempotent. */
  stop(): Promise<void>;
}

/** Whether the binary runs (`redis-server --version`). */
export function redisServerAvailable(): boolean {
  const probe = spawnSync(REDIS_SERVER_BIN, ['--version'], { encoding: 'utf8' });
  return probe.status === 0;
}

/**
 * `undefined` when tests can use Redis; else the reason they are skipped — only with
 * `BEDROCK_FLOW_SKIP_REDIS=1`. Without the opt-out a missing binary throws, failing the suite.
 */
export function redisUnavailable(): string | undefined {
  if (redisServerAvailable()) return undefined;
  const reason = `${REDIS_SERVER_BIN} not found or not runnable (install the Debian package redis-server, or set REDIS_SERVER_BIN)`;
  if (process.env['BEDROCK_FLOW_SKIP_REDIS'] === '1') {
    console.warn(`WARNING: Redis tests SKIPPED because BEDROCK_FLOW_SKIP_REDIS=1: ${reason}`);
    return reason;
  }
  throw new Error(`Redis tests cannot run: ${reason}. Set BEDROCK_FLOW_SKIP_REDIS=1 to skip them explicitly.`);
}

/** A free loopback port (bound then released; the server binds it right after). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING on `port`, or rejects after `ms`. */
async function waitForPong(port: number, child: ChildProcess, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} before answering`);
    const pong = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(500, () => socket.destroy());
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (pong) return;
    if (Date.now() > until) throw new Error(`redis-server on port ${port} did not answer PING within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Starts a `redis-server` on a free loopback port, persistence off, in a fresh temp dir. Refuses to start outside a
 * loopback-only network namespace (`scripts/in-offline-namespace.sh`), unless BEDROCK_FLOW_ALLOW_HOST_NETWORK=1.
 */
export async function startRedisServer(): Promise<RunningRedis> {
  requireLoopbackOnlyNetwork('redis-server');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'bedrock-flow-redis-'));
  let child: ChildProcess | undefined;
  const launch = async (): Promise<void> => {
    const started = spawn(
      REDIS_SERVER_BIN,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes', '--loglevel', 'warning'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = started;
    await new Promise<void>((resolve, reject) => {
      started.once('spawn', resolve);
      started.once('error', reject);
    });
    await waitForPong(port, started);
  };
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: launch,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
