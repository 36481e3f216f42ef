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
}

/** A running latency proxy. */
export interface RunningLatencyProxy {
  /** Always `127.0.0.1`. */
  readonly host: string;
  readonly port: number;
  /** Client connections accepted (one upstream connection each). */
  connections(): number;
  /** Stops listening, drops queued bytes and destroys every connection. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a TCP proxy on 127.0.0.1 that adds `rttMs` of round trip: every chunk is delayed by
 * `rttMs / 2` per direction, and a new connection's first client bytes wait one extra RTT (the
 * TCP handshake loopback does not cost). Order, half-closes and resets are forwarded, and every
 * client connection gets its own upstream connection.
 */
export async function startLatencyProxy(options: LatencyProxyOptions): Promise<RunningLatencyProxy> {
  if (!(typeof options.rttMs === 'number' && options.rttMs >= 0 && Number.isFinite(options.rttMs))) {
    throw new EmulatorOptionsError('rttMs', `must be a finite number >= 0, got ${String(options.rttMs)}`);
  }
  const half = options.rttMs / 2;
  const sockets = new Set<net.Socket>();
  const pipes = new Set<DelayedPipe>();
  let accepted = 0;
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
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
    pipes.add(toServer);
    pipes.add(toClient);
    const forget = (): void => {
      if (client.destroyed && upstream.destroyed) {
        pipes.delete(toServer);
        pipes.delete(toClient);
      }
    };
    client.once('close', forget);
    upstream.once('close', forget);
    upstream.once('connect', () => client.resume());
    upstream.once('error', () => {
      if (!client.destroyed) client.resetAndDestroy();
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
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const pipe of pipes) pipe.stop();
        pipes.clear();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
