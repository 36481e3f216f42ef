/**
 * A real silent drop of established TCP connections, as a NAT or firewall that forgets a flow does it: every packet of
 * the connection, both directions, vanishes (nftables `drop`, not `reject`: no RST, no ICMP). Unlike the emulator's
 * `blackhole` and the latency proxy's `dropIdleConnections()` (an application that stops talking while its kernel
 * still ACKs), nothing answers TCP keep-alive probes any more, so the client's kernel fails the socket with ETIMEDOUT.
 *
 * Needs Linux, root and `nft` (Debian `nftables`, installed by scripts/prepare-test-hosts.sh), and runs only inside a
 * loopback-only network namespace (`pnpm test`, scripts/in-offline-namespace.sh): the rules live in a table of that
 * namespace alone, so they can never touch the machine's own firewall. Anything missing FAILS the suite with the
 * reason, unless `BEDROCK_FLOW_SKIP_SILENT_DROP=1` opts out (said loudly in the output).
 */
import { execFileSync } from 'node:child_process';
import { addDropTable, clientConnectionsTo, deleteDropTable, type ClientConnection } from '../../bench/src/scenarios/kernel-silent-drop';
import { currentInterfaces, isLoopbackOnly, OFFLINE_RUN_HINT } from './loopback-only-network';

// The /proc reading and the nft table are shared with the bench's scenario 8 (one copy, in the bench's sources).
export { clientConnectionsTo, type ClientConnection };

/** The opt-out variable for the silent-drop tests. */
export const SKIP_SILENT_DROP_ENV = 'BEDROCK_FLOW_SKIP_SILENT_DROP';

/** Why silent drops cannot be made in this process, or `null` when they can. */
export function silentDropUnavailableReason(): string | null {
  if (process.platform !== 'linux') return `nftables is Linux-only (this is ${process.platform})`;
  const interfaces = currentInterfaces();
  if (!isLoopbackOnly(interfaces)) {
    return `not in a loopback-only network namespace (interfaces: ${interfaces?.join(', ') ?? 'unknown'}); the drop rules must not touch this machine's firewall. Run: ${OFFLINE_RUN_HINT}`;
  }
  if (process.getuid?.() !== 0) return `not root (uid ${process.getuid?.()}); nft needs CAP_NET_ADMIN`;
  try {
    execFileSync('nft', ['--version'], { stdio: 'pipe', timeout: 10_000 });
  } catch (error) {
    return `nft (Debian package nftables) cannot run: ${(error as Error).message.split('\n')[0]}; scripts/prepare-test-hosts.sh installs it`;
  }
  return null;
}

/**
 * `true` when the suite may run; `false` (with a loud warning) when `BEDROCK_FLOW_SKIP_SILENT_DROP=1` opts out of a
 * suite that cannot run here; throws with the reason otherwise.
 */
export function requireSilentDrop(): boolean {
  const reason = silentDropUnavailableReason();
  if (reason === null) return true;
  if (process.env[SKIP_SILENT_DROP_ENV] === '1') {
    console.warn(`\n*** WARNING: silent-drop tests SKIPPED because ${SKIP_SILENT_DROP_ENV}=1: ${reason} ***\n`);
    return false;
  }
  throw new Error(`Silent-drop tests cannot run: ${reason}. Set ${SKIP_SILENT_DROP_ENV}=1 to skip them explicitly.`);
}

/** Local ports of the client ends of the ESTABLISHED TCP connections to `serverPort` (see {@link clientConnectionsTo}). */
export function clientPortsTo(serverPort: number): number[] {
  return clientConnectionsTo(serverPort).map((connection) => connection.port);
}

/**
 * Whether every client connection to `serverPort` has all it sent acknowledged. Linux sends keep-alive probes only
 * then: a drop that catches a request's last segment (or the peer's delayed ACK of it) in flight leaves that segment
 * to retransmission (up to ~15 min with the default tcp_retries2), and only the request's own wait ends the call.
 */
export function allAcknowledged(serverPort: number): boolean {
  const connections = clientConnectionsTo(serverPort);
  return connections.length > 0 && connections.every((connection) => connection.unacknowledged === 0);
}

let tables = 0;

/** One nft table of drop rules; {@link SilentDrop.remove} deletes the table (idempotent). */
export class SilentDrop {
  /** The client ports whose connections are dropped. */
  readonly ports: readonly number[];
  private readonly table: string;
  private removed = false;

  private constructor(table: string, ports: readonly number[]) {
    this.table = table;
    this.ports = ports;
  }

  /**
   * Drops, from now on, every packet to or from the given client ports, in both directions, at the receiving end
   * (the `input` hook: the sender's kernel thinks its segment left, as on a real path). New connections use other
   * ports and pass.
   */
  static ofClientPorts(ports: readonly number[]): SilentDrop {
    if (ports.length === 0) throw new Error('SilentDrop: no client port given: no established connection to drop');
    const table = `bedrock_flow_silent_drop_${process.pid}_${++tables}`;
    addDropTable(table, ports);
    return new SilentDrop(table, ports);
  }

  /** Drops every connection established to `serverPort` right now (see {@link clientPortsTo}). */
  static ofConnectionsTo(serverPort: number): SilentDrop {
    return SilentDrop.ofClientPorts(clientPortsTo(serverPort));
  }

  /** Packets the rules dropped so far, both directions (the rules' counters). */
  droppedPackets(): number {
    const listing = execFileSync('nft', ['list', 'table', 'inet', this.table], { encoding: 'utf8', timeout: 10_000 });
    return [...listing.matchAll(/counter packets (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
  }

  /** Deletes the table: the ports' packets flow again. Idempotent. */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    deleteDropTable(this.table);
  }
}
