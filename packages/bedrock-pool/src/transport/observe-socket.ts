import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { MetricsRecorder } from '../metrics/metrics-recorder';

/** Options of {@link observeSocket}. */
export interface ObserveSocketOptions {
  /**
   * Whether the socket's lifetime drives the `connectionsOpen` gauge. Default `true`; `false` for HTTP/2, whose
   * sessions are counted instead (see `observeHttp2Sessions`).
   */
  countOpen?: boolean;
}

/**
 * Counts a new connection and records its TCP connect and TLS handshake times as the socket reports them; keeps
 * `connectionsOpen` up until the socket closes (unless `options.countOpen` is `false`).
 */
export function observeSocket(socket: Socket, recorder: MetricsRecorder, options: ObserveSocketOptions = {}): void {
  const countOpen = options.countOpen ?? true;
  const startedAt = performance.now();
  let connectedAt = startedAt;
  recorder.add('connectionsOpened');
  if (countOpen) recorder.add('connectionsOpen');
  if (socket.connecting) {
    socket.once('connect', () => {
      connectedAt = performance.now();
      recorder.record('connectMs', connectedAt - startedAt);
    });
  }
  if (socket instanceof TLSSocket) {
    socket.once('secureConnect', () => {
      recorder.add('tlsHandshakes');
      recorder.record('tlsMs', performance.now() - connectedAt);
    });
  }
  if (countOpen) socket.once('close', () => recorder.add('connectionsOpen', -1));
}
