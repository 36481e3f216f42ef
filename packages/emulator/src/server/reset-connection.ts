import type { Socket } from 'node:net';
import { recordOf } from './connection-record';

/**
 * Resets the TCP connection a request arrived on (RST, not FIN), below any TLS layer, so the
 * client sees ECONNRESET. Falls back to a plain destroy when the socket cannot reset.
 */
export function resetConnection(requestSocket: Socket | null | undefined): void {
  const raw = recordOf(requestSocket)?.socket ?? requestSocket;
  if (!raw || raw.destroyed) return;
  try {
    raw.resetAndDestroy();
  } catch {
    raw.destroy();
  }
}
