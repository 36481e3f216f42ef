import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { requireLoopbackOnlyNetwork } from '../../../../test/support/loopback-only-network';
import { offMachineRecorderEnv, readOffMachineCalls, type OffMachineCall } from '../../../../test/support/off-machine-calls';
import type { N8nInstall } from './n8n-install';

/**
 * Every setting of n8n 2.41 that makes it call n8n's servers on its own, switched off. Found by starting n8n with
 * these tests' settings in a loopback-only namespace with a preload that logged each non-loopback lookup and connect:
 * with diagnostics, templates, version notifications and personalization off it still fetched
 * `https://api.n8n.io/api/mcp-servers` at startup (the `mcp-registry` module, DESIGN.md section 6); with all of these
 * it made none. The rest are fetched on demand (banners, what's new, the vetted community-node list from
 * api.n8n.io, license renewal, the AI assistant) and are off so no test can trigger them.
 */
export const N8N_OFFLINE_ENV: Readonly<Record<string, string>> = {
  N8N_DIAGNOSTICS_ENABLED: 'false',
  N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
  N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
  EXTERNAL_FRONTEND_HOOKS_URLS: '',
  N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
  N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
  N8N_TEMPLATES_ENABLED: 'false',
  N8N_PERSONALIZATION_ENABLED: 'false',
  N8N_DYNAMIC_BANNERS_ENABLED: 'false',
  N8N_HIRING_BANNER_ENABLED: 'false',
  N8N_VERIFIED_PACKAGES_ENABLED: 'false',
  N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
  N8N_AI_ENABLED: 'false',
  N8N_DISABLED_MODULES: 'mcp-registry',
};

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
  /**
   * Every lookup and connect off the machine n8n (or its task runner) tried so far, recorded by a preload
   * (`test/support/off-machine-call-recorder.cjs`); the namespace stopped them all, this says which were tried.
   */
  offMachineCalls(): OffMachineCall[];
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
 * every call to n8n's servers off ({@link N8N_OFFLINE_ENV}) and any call off the machine recorded
 * ({@link RunningN8n.offMachineCalls}), plain-HTTP cookies, and `extraEnv`. Refuses to start
 * outside a loopback-only network namespace (see `test/support/loopback-only-network.ts`). Resolves when `/healthz`
 * answers 200 and the log says the editor is up (bounded number of checks).
 */
export async function startN8n(install: N8nInstall, userFolder: string, extraEnv: Record<string, string>): Promise<RunningN8n> {
  requireLoopbackOnlyNetwork('n8n');
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
    ...N8N_OFFLINE_ENV,
    N8N_SECURE_COOKIE: 'false',
    N8N_LOG_LEVEL: 'info',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    ...offMachineRecorderEnv(path.join(userFolder, 'off-machine-calls.jsonl')),
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
    offMachineCalls: () => readOffMachineCalls(path.join(userFolder, 'off-machine-calls.jsonl')),
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
