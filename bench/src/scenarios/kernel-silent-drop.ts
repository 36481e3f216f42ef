import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A real silent drop for scenario 8: nftables drops every packet of the established connections to one port, both
 * directions (`drop`, not `reject`: no RST, no ICMP), as a NAT or firewall that forgot the flows. Made only inside a
 * private loopback-only network namespace (`unshare --net`, as the demo's Chromium PNG export runs), so the rules can
 * never touch the machine's own firewall. Same technique as test/support/silent-drop.ts (kept separate: the bench is
 * its own package and does not import the test suite).
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

/** The client ends of ESTABLISHED connections to `serverPort`: local port and unacknowledged bytes (`tx_queue`). */
export function clientConnectionsTo(serverPort: number): Array<{ port: number; unacknowledged: number }> {
  const found = new Map<number, number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, remote, state, queues] = line.trim().split(/\s+/);
      if (!local || !remote || state !== '01' || !queues) continue;
      if (Number.parseInt(remote.split(':').pop()!, 16) !== serverPort) continue;
      found.set(Number.parseInt(local.split(':').pop()!, 16), Number.parseInt(queues.split(':')[0]!, 16));
    }
  }
  return [...found].map(([port, unacknowledged]) => ({ port, unacknowledged }));
}

let tables = 0;

/** Drops every packet of the connections to `serverPort` established now; returns the function that lifts it. */
export function dropConnectionsTo(serverPort: number): { ports: number[]; lift(): void } {
  const ports = clientConnectionsTo(serverPort).map((c) => c.port);
  if (ports.length === 0) throw new Error(`no established connection to port ${serverPort} to drop`);
  const table = `bench_silent_drop_${++tables}`;
  const set = `{ ${ports.join(', ')} }`;
  const nft = (script: string) => execFileSync('nft', ['-f', '-'], { input: script, stdio: ['pipe', 'pipe', 'pipe'], timeout: 10_000 });
  nft(`table inet ${table} {\n chain input {\n  type filter hook input priority -300; policy accept;\n  tcp sport ${set} drop\n  tcp dport ${set} drop\n }\n}\n`);
  let lifted = false;
  return {
    ports,
    lift: () => {
      if (lifted) return;
      lifted = true;
      nft(`delete table inet ${table}\n`);
    },
  };
}
