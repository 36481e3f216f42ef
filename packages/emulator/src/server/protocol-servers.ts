import http from 'node:http';
import http2 from 'node:http2';
import type { StatsRecorder } from '../stats/stats-recorder';
import { recordOf } from './connection-record';
import type { RequestHandler } from './request-handler';

/** The HTTP/1.1 and HTTP/2 servers that sockets are handed to, never listening themselves. */
export interface ProtocolServers {
  http1: http.Server;
  h2: http2.Http2Server;
  /** Destroys every HTTP/2 session still open and stops the servers' internal timers. */
  destroySessions(): void;
}

/** Counts HTTP/2 sessions and streams, and keeps sessions so close() can destroy them. */
export function trackHttp2(server: http2.Http2Server | http2.Http2SecureServer, stats: StatsRecorder, sessions: Set<http2.Http2Session>): void {
  server.on('session', (session: http2.Http2Session) => {
    stats.live.http2.sessions += 1;
    sessions.add(session);
    const record = recordOf(session.socket);
    if (record) record.h2Session = session;
    session.on('error', () => undefined);
    session.once('close', () => sessions.delete(session));
  });
  server.on('stream', () => {
    stats.live.http2.streams += 1;
  });
}

/** How long an idle HTTP/1.1 keep-alive connection stays open on the server (cleartext and TLS), in ms. */
export const HTTP1_KEEP_ALIVE_TIMEOUT_MS = 60_000;

/** Creates the cleartext HTTP/1.1 (keep-alive) and h2c servers sharing one request handler. */
export function createProtocolServers(handler: RequestHandler, stats: StatsRecorder): ProtocolServers {
  const http1 = http.createServer({ keepAliveTimeout: HTTP1_KEEP_ALIVE_TIMEOUT_MS, requestTimeout: 0 }, handler);
  http1.on('clientError', (_err, socket) => socket.destroy());
  const h2 = http2.createServer({}, handler);
  const sessions = new Set<http2.Http2Session>();
  trackHttp2(h2, stats, sessions);
  return {
    http1,
    h2,
    destroySessions: () => {
      for (const s of sessions) s.destroy();
      // Never listening, so close() only clears internal timers; the 'not running' error is expected.
      http1.close(() => undefined);
      h2.close(() => undefined);
    },
  };
}
