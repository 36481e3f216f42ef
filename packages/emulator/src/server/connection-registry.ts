import type { Socket } from 'node:net';
import type { StatsRecorder } from '../stats/stats-recorder';
import { attachRecord, type ConnectionRecord } from './connection-record';

/**
 * Tracks every accepted TCP connection: counts it, hangs a {@link ConnectionRecord} on it, and
 * destroys whatever is still open at close.
 */
export class ConnectionRegistry {
  private readonly open = new Set<ConnectionRecord>();

  constructor(private readonly stats: StatsRecorder) {}

  /** Registers a freshly accepted raw socket. */
  accept(socket: Socket): ConnectionRecord {
    const { generation, index } = this.stats.connectionAccepted();
    const record: ConnectionRecord = { socket, generation, index, requests: 0, inFlight: 0 };
    attachRecord(socket, record);
    this.open.add(record);
    // Answers go out as written: Nagle would hold a response's last small write for the client's delayed ACK.
    socket.setNoDelay(true);
    socket.once('close', () => {
      if (record.idleTimer) clearTimeout(record.idleTimer);
      if (this.open.delete(record)) this.stats.connectionClosed();
    });
    // A peer reset must not surface as an unhandled 'error' event.
    socket.on('error', () => undefined);
    return record;
  }

  /** Counts a request on its connection (in the stats generation the connection was accepted in). */
  requestStarted(record: ConnectionRecord | undefined): void {
    if (!record) return;
    record.requests += 1;
    record.inFlight += 1;
    if (record.idleTimer) {
      clearTimeout(record.idleTimer);
      record.idleTimer = undefined;
    }
    const slots = this.stats.live.connections.requestsPerConnection;
    if (record.generation !== this.stats.live) {
      // Accepted before the last resetStats(): the connection gets a slot when it serves again.
      record.generation = this.stats.live;
      record.index = slots.push(0) - 1;
    }
    slots[record.index] = (slots[record.index] ?? 0) + 1;
  }

  /** Marks a request done; arms the idle-close timer when `idleCloseMs` is set. */
  requestFinished(record: ConnectionRecord | undefined, idleCloseMs: number | undefined, onIdleClose: () => void): void {
    if (!record) return;
    record.inFlight = Math.max(0, record.inFlight - 1);
    this.armIdleTimer(record, idleCloseMs, onIdleClose);
  }

  /** Re-arms (or with `undefined` clears) the idle-close timer of every idle connection, after a fault change. */
  rearmIdleTimers(idleCloseMs: number | undefined, onIdleClose: () => void): void {
    for (const record of this.open) {
      if (record.idleTimer) clearTimeout(record.idleTimer);
      record.idleTimer = undefined;
      this.armIdleTimer(record, idleCloseMs, onIdleClose);
    }
  }

  private armIdleTimer(record: ConnectionRecord, idleCloseMs: number | undefined, onIdleClose: () => void): void {
    if (record.inFlight > 0 || idleCloseMs === undefined || record.socket.destroyed) return;
    if (record.idleTimer) clearTimeout(record.idleTimer);
    record.idleTimer = setTimeout(() => {
      record.idleTimer = undefined;
      if (record.inFlight > 0 || record.socket.destroyed) return;
      onIdleClose();
      // Graceful, as a server closing an idle connection is: GOAWAY on HTTP/2, then FIN.
      if (record.h2Session && !record.h2Session.closed) record.h2Session.close();
      record.socket.end();
      setTimeout(() => record.socket.destroy(), 50).unref();
    }, idleCloseMs);
    record.idleTimer.unref();
  }

  /** Destroys every open connection. */
  destroyAll(): void {
    for (const record of this.open) {
      if (record.idleTimer) clearTimeout(record.idleTimer);
      record.socket.destroy();
    }
  }

  /** Number of connections still open. */
  get size(): number {
    return this.open.size;
  }
}
