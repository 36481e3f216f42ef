import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A real silent drop for scenario 8: nftables drops every packet of the established connections to one port, both
 * directions (`drop`, not `reject`: no RST, no ICMP), as a NAT or firewall that forgot the flows. Made only inside a
 * private loopback-only network namespace (`unshare --net`, as the demo's Chromium PNG export runs), so the rules can
 * never touch the machine's own firewall. The /proc reading and the nft drop table below are the one copy: the test
 * suite's test/support/silent-drop.ts imports them (the bench does not import the test suite).
 */

/** Why the kernel-level drop cannot run on this machine, or `null`. */
export function kernelDropUnavailableReason(): string | null {
  if (process.platform !== 'linux') return `Linux only (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root (unshare --net, nft)';
  const probe = spawnSync('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && nft add table inet probe && nft delete table inet probe'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error || probe.status !== 0) return `unshare --net + ip + nft failed: ${(probe.error?.message ?? probe.stderr).trim().split('\n')[0]} (Debian packages util-linux, iproute2, nftables)`;
  return null;
}

/**
 * Runs `node --import tsx <script>` in a new loopback-only network namespace and resolves with its last stdout line
 * parsed as JSON; rejects with its stderr when it fails.
 */
export function runInPrivateNetwork<T>(script: string, env: NodeJS.ProcessEnv, cwd: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && exec "$@"', 'kernel-drop', process.execPath, '--import', 'tsx', script], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last) {
        try {
          resolve(JSON.parse(last) as T);
          return;
        } catch {
          // fall through
        }
      }
      reject(new Error(`kernel-drop child exited ${code}: ${err.trim().slice(-2000) || out.trim().slice(-2000)}`));
    });
  });
}

/** The client end of an ESTABLISHED TCP connection in this namespace. */
export interface ClientConnection {
  /** Its local (ephemeral) port. */
  port: number;
  /** Bytes sent and not yet acknowledged by the peer (`tx_queue`). */
  unacknowledged: number;
}

/**
 * The client ends of the ESTABLISHED TCP connections to `serverPort` in this namespace, by port, read from
 * `/proc/net/tcp` and `/proc/net/tcp6` (hex `local rem st tx_queue:rx_queue` columns; state `01` is ESTABLISHED).
 */
export function clientConnectionsTo(serverPort: number): ClientConnection[] {
  const connections = new Map<number, ClientConnection>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, remote, state, queues] = line.trim().split(/\s+/);
      if (!local || !remote || state !== '01' || !queues) continue;
      if (Number.parseInt(remote.split(':').pop()!, 16) !== serverPort) continue;
      const port = Number.parseInt(local.split(':').pop()!, 16);
      connections.set(port, { port, unacknowledged: Number.parseInt(queues.split(':')[0]!, 16) });
    }
  }
  return [...connections.values()].sort((a, b) => a.port - b.port);
}

/**
 * Creates nft table `table` that drops (and counts) every packet to or from the client `ports`, both directions, at
 * the receiving end (the `input` hook: the sender's kernel thinks its segment left, as on a real path).
 */
export function addDropTable(table: string, ports: readonly number[]): void {
  const set = `{ ${ports.join(', ')} }`;
  nft(
    `table inet ${table} {\n` +
      '  chain input {\n' +
      '    type filter hook input priority -300; policy accept;\n' +
      `    tcp sport ${set} counter drop\n` +
      `    tcp dport ${set} counter drop\n` +
      '  }\n' +
      '}\n',
  );
}

/** Deletes nft table `table` (made by {@link addDropTable}): the ports' packets flow again. */
export function deleteDropTable(table: string): void {
  nft(`delete table inet ${table}\n`);
}

function nft(script: string): void {
  execFileSync('nft', ['-f', '-'], { input: script, stdio: ['pipe', 'pipe', 'pipe'], timeout: 10_000 });
}

let tables = 0;

/** Drops every packet of the connections to `serverPort` established now; returns the function that lifts it. */
export function dropConnectionsTo(serverPort: number): { ports: number[]; lift(): void } {
  const ports = clientConnectionsTo(serverPort).map((c) => c.port);
  if (ports.length === 0) throw new Error(`no established connection to port ${serverPort} to drop`);
  const table = `bench_silent_drop_${++tables}`;
  addDropTable(table, ports);
  let lifted = false;
  return {
    ports,
    lift: () => {
      if (lifted) return;
      lifted = true;
      deleteDropTable(table);
    },
  };
}
