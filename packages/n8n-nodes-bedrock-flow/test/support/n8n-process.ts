import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { N8nInstall } from './n8n-install';

/** A free loopback TCP port (bound, read, released). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A running headless n8n. */
export interface RunningN8n {
  url: string;
  userFolder: string;
  /** Everything n8n printed so far. */
  log(): string;
  /** SIGTERM to n8n's process group (n8n and its task runner), SIGKILL if it is still there after 100 checks. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Starts `n8n start` on loopback with the cached Node 24, in its own process group (so stopping it also stops the
 * task runner it spawns): user folder `userFolder`, free ports for the editor/REST API and the runner broker,
 * telemetry, templates, version checks and personalization off, plain-HTTP cookies, and `extraEnv`. Resolves when
 * `/healthz` answers 200 and the log says the editor is up (bounded number of checks).
 */
export async function startN8n(install: N8nInstall, userFolder: string, extraEnv: Record<string, string>): Promise<RunningN8n> {
  const port = await freePort();
  const brokerPort = await freePort();
  // Only what n8n needs from our environment: never AWS credentials or bearer tokens of the machine.
  const baseEnv: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR']) if (process.env[key]) baseEnv[key] = process.env[key]!;
  const env = {
    ...baseEnv,
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_SECURE_COOKIE: 'false',
    N8N_LOG_LEVEL: 'info',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    ...extraEnv,
  };
  const logFile = path.join(userFolder, 'n8n.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(install.node, [install.n8nBin, 'start'], { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  const running: RunningN8n = {
    url,
    userFolder,
    log,
    async stop() {
      if (!alive(child)) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 100 && alive(child); i++) await sleep(200);
      if (alive(child)) process.kill(-child.pid!, 'SIGKILL');
      // The runner may outlive the main process by a moment; the group kill reaches it too.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* group already gone */
      }
    },
  };
  for (let attempt = 0; attempt < 600; attempt++) {
    if (!alive(child)) throw new Error(`n8n exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready. Log:\n${log().slice(-4000)}`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy && log().includes('Editor is now accessible')) return running;
    await sleep(250);
  }
  await running.stop();
  throw new Error(`n8n did not become ready after 600 checks. Log:\n${log().slice(-4000)}`);
}
