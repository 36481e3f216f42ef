import type { Http2Session } from 'node:http2';
import type { Socket } from 'node:net';
import type { EmulatorStats } from '../types';

/** What the emulator knows about one accepted TCP connection. */
export interface ConnectionRecord {
  /** The raw TCP socket. */
  socket: Socket;
  /** Stats generation the connection was counted in, and its slot in `requestsPerConnection`. */
  generation: EmulatorStats;
  index: number;
  /** Requests seen on this connection. */
  requests: number;
  /** Idle-close timer while no request is in flight. */
  idleTimer?: NodeJS.Timeout;
  /** Requests in flight on this connection. */
  inFlight: number;
  /** The HTTP/2 session on this connection, when it speaks h2/h2c (closed with GOAWAY when idle). */
  h2Session?: Http2Session;
}

/** Symbol under which the record hangs on the socket a request arrives on (raw or TLS). */
export const CONNECTION_RECORD = Symbol('bedrock-emulator.connection');

/** Reads the record from a request's socket; works through HTTP/2 socket proxies. */
export function recordOf(socket: unknown): ConnectionRecord | undefined {
  if (socket === null || typeof socket !== 'object') return undefined;
  return (socket as Record<symbol, ConnectionRecord | undefined>)[CONNECTION_RECORD];
}

/** Hangs `record` on `socket`. */
export function attachRecord(socket: object, record: ConnectionRecord): void {
  (socket as Record<symbol, ConnectionRecord>)[CONNECTION_RECORD] = record;
}
