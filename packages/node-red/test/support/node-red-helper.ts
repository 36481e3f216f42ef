import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type helperType from 'node-red-node-test-helper';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { requireLoopbackOnlyNetwork } from '../../../../test/support/loopback-only-network';

/** Where tests write files (gitignored). */
export const TEST_OUTPUT_DIR = path.join(__dirname, '..', '..', 'test-output');

/**
 * node-red-node-test-helper looks for `@node-red/registry` etc. next to node-red's `lib/red.js`, which is not where
 * pnpm's strict layout puts them. This builds that layout from symlinks (under test-output/) and returns the
 * `red.js` path to hand to `helper.init`; jest resolves the links to the real files, so every module is loaded once.
 */
function nodeRedRuntimePath(): string {
  const nodeRequire = createRequire(__filename);
  const redJs = nodeRequire.resolve('node-red');
  const fromNodeRed = createRequire(redJs);
  const packageDir = (request: string, from: NodeJS.Require) => path.dirname(from.resolve(`${request}/package.json`));
  const runtimeDir = packageDir('@node-red/runtime', fromNodeRed);
  const packages: Record<string, string> = {
    runtime: runtimeDir,
    registry: packageDir('@node-red/registry', createRequire(path.join(runtimeDir, 'package.json'))),
    'editor-api': packageDir('@node-red/editor-api', fromNodeRed),
    nodes: packageDir('@node-red/nodes', fromNodeRed),
    util: packageDir('@node-red/util', fromNodeRed),
  };
  const libDir = path.join(TEST_OUTPUT_DIR, 'node-red-layout', 'lib');
  fs.mkdirSync(path.join(libDir, '@node-red'), { recursive: true });
  const link = (target: string, at: string) => {
    if (fs.existsSync(at) && fs.realpathSync(at) === fs.realpathSync(target)) return;
    fs.rmSync(at, { force: true, recursive: true });
    fs.symlinkSync(target, at);
  };
  link(redJs, path.join(libDir, 'red.js'));
  for (const [name, dir] of Object.entries(packages)) link(dir, path.join(libDir, '@node-red', name));
  return path.join(libDir, 'red.js');
}

/** Node-RED's own calls home switched off: the telemetry ping and the update check (telemetry.nodered.org). */
const OFFLINE_SETTINGS = { telemetry: { enabled: false, updateNotification: false }, diagnostics: { enabled: false, ui: false } };

/**
 * The Node-RED test helper bound to the node-red 4.1.8 installed in this package, with `settings` merged into the
 * runtime settings (e.g. `{ bedrockFlow: { pool: { releaseGraceMs: 0 } } }`) over telemetry and diagnostics off.
 * The runtime loads into this jest worker, so the worker itself must be in a loopback-only network namespace
 * (`scripts/in-offline-namespace.sh`, which `pnpm test` uses): it throws otherwise, unless
 * BEDROCK_FLOW_ALLOW_HOST_NETWORK=1 opts out.
 */
export function nodeRedHelper(settings: Record<string, unknown> = {}): typeof helperType {
  requireLoopbackOnlyNetwork('Node-RED (in-process runtime)');
  // Requiring the helper makes it probe the default layout and console.log the failure; it is re-initialised below.
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  let helper: typeof helperType;
  try {
    helper = require('node-red-node-test-helper');
  } finally {
    log.mockRestore();
  }
  helper.init(nodeRedRuntimePath(), { ...OFFLINE_SETTINGS, ...settings });
  return helper;
}

/**
 * Runtime settings (`settings.js` as a test writes it) whose `bedrockFlow.endpointPolicy.allowedHosts` the suite fills
 * with its emulator's host:port once it listens (pass `allowedHosts` to {@link useEmulatorForFlows}). Keys stored in a
 * config node are host credentials, so they reach the loopback emulator only with this operator setting. Node-RED
 * keeps a reference to the nested `bedrockFlow` object, and the runtime pool reads it when it is created (first deploy).
 */
export function settingsAllowingEmulator(pool: Record<string, unknown> = { releaseGraceMs: 0 }): { settings: Record<string, unknown>; allowedHosts: string[] } {
  const allowedHosts: string[] = [];
  return { settings: { bedrockFlow: { pool, endpointPolicy: { allowedHosts } } }, allowedHosts };
}

/** Waits (bounded by a count of 10 ms ticks, not a clock budget) until `condition` holds, then asserts it. */
export async function eventually(condition: () => boolean, attempts = 500): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

/**
 * Registers the jest hooks both runtime suites need: one TLS emulator for the file, stats reset before each test,
 * and after each test the flows unloaded until the runtime pool is gone and no connection is left open.
 * Returns an accessor for the running emulator.
 */
export function useEmulatorForFlows(
  helper: typeof helperType,
  currentRuntimePool: () => unknown,
  allowedHosts?: string[],
  emulatorOptions: Omit<EmulatorOptions, 'tls'> = {},
): () => RunningEmulator {
  let emu: RunningEmulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ ...emulatorOptions, tls: true });
    // The operator's setting for a local emulator: its host:port, known once it listens (see settingsAllowingEmulator).
    allowedHosts?.push(new URL(emu.url).host);
  });
  afterAll(async () => {
    await emu?.close();
  });
  beforeEach(() => emu?.resetStats());
  afterEach(async () => {
    await helper.unload();
    await eventually(() => currentRuntimePool() === undefined && emu?.stats().connections.open === 0);
  });
  return () => {
    if (!emu) throw new Error('the emulator starts in beforeAll');
    return emu;
  };
}
