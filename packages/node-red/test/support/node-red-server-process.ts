import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** This package's folder: what a Node-RED user directory installs. */
const PACKAGE_DIR = path.join(__dirname, '..', '..');

/** A Node-RED server in a child process (`node-red-server.cjs`): the process and its HTTP port on 127.0.0.1. */
export interface NodeRedServer {
  child: ChildProcess;
  port: number;
}

/**
 * A fresh Node-RED user directory with this package installed as a user would (`npm install @bedrock-flow/node-red`
 * in `~/.node-red`), here as a link to the package, so the server loads the built `dist` and the generated HTML.
 */
export function nodeRedUserDir(prefix: string): string {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(userDir, 'node_modules', '@bedrock-flow'), { recursive: true });
  fs.symlinkSync(PACKAGE_DIR, path.join(userDir, 'node_modules', '@bedrock-flow', 'node-red'), 'dir');
  fs.writeFileSync(path.join(userDir, 'package.json'), JSON.stringify({ name: 'node-red-project', private: true, dependencies: { '@bedrock-flow/node-red': '*' } }));
  return userDir;
}

/**
 * Starts Node-RED on `userDir` in a child process with `env` (its whole environment: pass `process.env` plus what the
 * test adds, e.g. `BEDROCK_FLOW_ALLOWED_ENDPOINTS`, `BEDROCK_FLOW_TEST_ADMIN_AUTH`), and resolves once it listens.
 * The caller checks the network first (`requireLoopbackOnlyNetwork`): the server is a third-party host.
 */
export function startNodeRedServer(userDir: string, env: NodeJS.ProcessEnv): Promise<NodeRedServer> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'node-red-server.cjs'), [userDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port }));
    child.once('exit', (code) => reject(new Error(`Node-RED exited with ${code} before starting`)));
  });
}

/** Stops a server started by {@link startNodeRedServer} (nothing to do when it never started or already exited). */
export function stopNodeRedServer(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.send('stop');
  });
}
