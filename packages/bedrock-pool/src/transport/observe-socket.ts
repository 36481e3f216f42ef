import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { MetricsRecorder } from '../metrics/metrics-recorder';

/** Counts a new connection and records its TCP connect and TLS handshake times as the socket reports them. */
export function observeSocket(socket: Socket, recorder: MetricsRecorder): void {
  const startedAt = performance.now();
  let connectedAt = startedAt;
  recorder.add('connectionsOpened');
  recorder.add('connectionsOpen');
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
  socket.once('close', () => recorder.add('connectionsOpen', -1));
}
