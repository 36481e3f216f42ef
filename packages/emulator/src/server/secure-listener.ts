import http2 from 'node:http2';
import type { TLSSocket } from 'node:tls';
import type { StatsRecorder } from '../stats/stats-recorder';
import { attachRecord, recordOf } from './connection-record';
import type { ConnectionRegistry } from './connection-registry';
import { HTTP1_KEEP_ALIVE_TIMEOUT_MS, trackHttp2 } from './protocol-servers';
import type { RequestHandler } from './request-handler';
import type { TlsCertificate } from './tls-certificate';

/** The TLS server (ALPN h2 + http/1.1) and a way to destroy its HTTP/2 sessions. */
export interface SecureListener {
  server: http2.Http2SecureServer;
  destroySessions(): void;
}

/** Creates an HTTPS server speaking h2 and HTTP/1.1 (ALPN), counting handshakes and resumptions. */
export function createSecureListener(
  cert: TlsCertificate,
  handler: RequestHandler,
  registry: ConnectionRegistry,
  stats: StatsRecorder,
): SecureListener {
  const server = http2.createSecureServer(
    { key: cert.key, cert: cert.cert, allowHTTP1: true, ALPNProtocols: ['h2', 'http/1.1'] },
    handler,
  );
  // Node 24 gave the HTTP/1.1 fallback of an h2 server a 5 s keep-alive timeout (Node 20/22: none), so idle
  // TLS + HTTP/1.1 connections closed, and clients reconnected, only there. 60 s, as the cleartext server has.
  (server as http2.Http2SecureServer & { keepAliveTimeout?: number }).keepAliveTimeout = HTTP1_KEEP_ALIVE_TIMEOUT_MS;
  server.on('connection', (socket) => registry.accept(socket));
  // Prepended so the record is on the TLS socket before the HTTP layers see it.
  server.prependListener('secureConnection', (tlsSocket: TLSSocket) => {
    const raw = (tlsSocket as unknown as { _parent?: unknown })._parent;
    const record = recordOf(raw);
    if (record) attachRecord(tlsSocket, record);
    tlsSocket.on('error', () => undefined);
    stats.live.tls.handshakes += 1;
    if (tlsSocket.isSessionReused()) stats.live.tls.resumed += 1;
    else stats.live.tls.full += 1;
  });
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  const sessions = new Set<http2.Http2Session>();
  trackHttp2(server, stats, sessions);
  return {
    server,
    destroySessions: () => {
      for (const s of sessions) s.destroy();
    },
  };
}
