import net from 'node:net';
import { EmulatorOptionsError } from '../errors/emulator-options-error';
import { DelayedPipe } from './delayed-pipe';

/** Options of {@link startLatencyProxy}. */
export interface LatencyProxyOptions {
  /** Where to forward to. */
  target: { host: string; port: number };
  /** Round trip time to simulate, in ms: each chunk waits `rttMs / 2` in each direction. */
  rttMs: number;
  /** Port to listen on (127.0.0.1); `0` (default) picks a free one. */
  port?: number;
  /**
   * Silently drop every connection idle (no byte, FIN or reset in either direction) this long, in ms, as a
   * NAT or firewall does (AWS NAT gateway: 350,000). Default: never.
   */
  dropIdleAfterMs?: number;
  /** Called once per connection dropped silently (by `dropIdleAfterMs` or `dropIdleConnections()`). */
  onDrop?: () => void;
}

/** A running latency proxy. */
export interface RunningLatencyProxy {
  /** Always `127.0.0.1`. */
  readonly host: string;
  readonly port: number;
  /** Client connections accepted (one upstream connection each). */
  connections(): number;
  /**
   * Silently drops every connection with nothing in flight through the proxy that has been idle at least
   * `idleForMs` (default 0): from now on the proxy reads and discards what either side sends and closes
   * neither, as a NAT that forgot the flow. Returns how many it dropped.
   */
  dropIdleConnections(options?: { idleForMs?: number }): number;
  /**
   * Silently drops the one connection whose upstream socket has local port `upstreamPort` (the peer port
   * the target sees), busy or not; `false` when there is none. The emulator's blackhole uses it; it is not
   * counted in `dropped()` nor reported to `onDrop`.
   */
  dropConnection(upstreamPort: number): boolean;
  /** Connections dropped silently so far. */
  dropped(): number;
  /** Stops listening, drops queued bytes and destroys every connection (dropped ones too). Idempotent. */
  close(): Promise<void>;
}

/** One client connection and its upstream, as the proxy forwards them. */
interface ProxiedConnection {
  client: net.Socket;
  upstream: net.Socket;
  pipes: [DelayedPipe, DelayedPipe];
  lastActivity: number;
  dropped: boolean;
  idleTimer?: NodeJS.Timeout;
}

function checkProxyOptions(options: LatencyProxyOptions): void {
  if (!(typeof options.rttMs === 'number' && options.rttMs >= 0 && Number.isFinite(options.rttMs))) {
    throw new EmulatorOptionsError('rttMs', `must be a finite number >= 0, got ${String(options.rttMs)}`);
  }
  const idle = options.dropIdleAfterMs;
  if (idle !== undefined && !(typeof idle === 'number' && Number.isFinite(idle) && idle > 0)) {
    throw new EmulatorOptionsError('dropIdleAfterMs', `must be a finite number > 0 (ms of idleness before a silent drop), got ${String(idle)}`);
  }
}

/**
 * Starts a TCP proxy on 127.0.0.1 that adds `rttMs` of round trip: every chunk is delayed by
 * `rttMs / 2` per direction, and a new connection's first client bytes wait one extra RTT (the
 * TCP handshake loopback does not cost). Order, half-closes and resets are forwarded, and every
 * client connection gets its own upstream connection. It can also drop idle connections silently
 * (`dropIdleAfterMs`, `dropIdleConnections()`), as a NAT does.
 */
export async function startLatencyProxy(options: LatencyProxyOptions): Promise<RunningLatencyProxy> {
  checkProxyOptions(options);
  const half = options.rttMs / 2;
  const sockets = new Set<net.Socket>();
  const connections = new Set<ProxiedConnection>();
  let accepted = 0;
  let droppedCount = 0;
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };

  const drop = (connection: ProxiedConnection, counted = true): void => {
    if (connection.dropped) return;
    connection.dropped = true;
    if (connection.idleTimer) clearTimeout(connection.idleTimer);
    connection.idleTimer = undefined;
    for (const pipe of connection.pipes) pipe.stop();
    if (!counted) return;
    droppedCount += 1;
    options.onDrop?.();
  };

  // One timer per connection, re-armed lazily: activity only moves `lastActivity`, the timer checks it when it fires.
  const armIdleTimer = (connection: ProxiedConnection, afterMs: number): void => {
    connection.idleTimer = setTimeout(() => {
      connection.idleTimer = undefined;
      if (connection.dropped || connection.client.destroyed || connection.upstream.destroyed) return;
      const idleFor = Date.now() - connection.lastActivity;
      const limit = options.dropIdleAfterMs!;
      // Bytes still queued in the proxy are packets on the wire: the flow is not idle.
      if (idleFor >= limit && !connection.pipes.some((pipe) => pipe.busy)) drop(connection);
      else armIdleTimer(connection, Math.max(1, limit - idleFor));
    }, afterMs);
    // The proxy must never keep a process alive on its own.
    connection.idleTimer.unref();
  };

  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    accepted += 1;
    const acceptedAt = Date.now();
    track(client);
    const upstream = net.connect({ host: options.target.host, port: options.target.port, allowHalfOpen: true });
    track(upstream);
    // Without it Nagle holds a small write (HTTP/2 sends HEADERS and DATA apart) until the ACK: ~40 ms per call.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const toServer = new DelayedPipe(client, upstream, half, acceptedAt + options.rttMs);
    const toClient = new DelayedPipe(upstream, client, half);
    const connection: ProxiedConnection = { client, upstream, pipes: [toServer, toClient], lastActivity: acceptedAt, dropped: false };
    connections.add(connection);
    toServer.onActivity = toClient.onActivity = () => {
      connection.lastActivity = Date.now();
    };
    if (options.dropIdleAfterMs !== undefined) armIdleTimer(connection, options.dropIdleAfterMs);
    const forget = (): void => {
      if (client.destroyed && upstream.destroyed) {
        if (connection.idleTimer) clearTimeout(connection.idleTimer);
        connections.delete(connection);
      }
    };
    client.once('close', forget);
    upstream.once('close', forget);
    upstream.once('connect', () => client.resume());
    upstream.once('error', () => {
      if (!client.destroyed && !connection.dropped) client.resetAndDestroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closing: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    connections: () => accepted,
    dropIdleConnections: (dropOptions = {}) => {
      const idleForMs = dropOptions.idleForMs ?? 0;
      if (!(typeof idleForMs === 'number' && Number.isFinite(idleForMs) && idleForMs >= 0)) {
        throw new EmulatorOptionsError('idleForMs', `must be a finite number >= 0 (ms), got ${String(idleForMs)}`);
      }
      const now = Date.now();
      let count = 0;
      for (const connection of connections) {
        if (connection.dropped || connection.client.destroyed || connection.upstream.destroyed) continue;
        if (connection.pipes.some((pipe) => pipe.busy) || now - connection.lastActivity < idleForMs) continue;
        drop(connection);
        count += 1;
      }
      return count;
    },
    dropConnection: (upstreamPort) => {
      for (const connection of connections) {
        if (connection.dropped || connection.upstream.localPort !== upstreamPort) continue;
        drop(connection, false);
        return true;
      }
      return false;
    },
    dropped: () => droppedCount,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of connections) {
          if (connection.idleTimer) clearTimeout(connection.idleTimer);
          for (const pipe of connection.pipes) pipe.stop();
        }
        connections.clear();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
