import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import type { NormalizedClientConfig } from '../config/normalize-config';
import type { MetricsRecorder } from '../metrics/metrics-recorder';
import { observeHttp2Sessions } from './observe-http2-session';
import { observeSocket } from './observe-socket';
import { retireIdleHttp2Sessions } from './retire-idle-http2-sessions';

/**
 * `NodeHttp2Handler({ disableConcurrentStreams: false })`: one multiplexed session per slot. Its sockets come
 * from our `createConnection` so they are counted and get the slot's TLS options and connect timeout; open
 * connections are counted by session lifetime.
 * Note: the SDK opens an isolated session for every event stream (ConverseStream) on this handler.
 */
export function createHttp2Handler(config: NormalizedClientConfig, recorder: MetricsRecorder): NodeHttp2Handler {
  const createConnection = (authority: URL): Socket => {
    const port = Number(authority.port) || (authority.protocol === 'http:' ? 80 : 443);
    const host = authority.hostname.replace(/^\[|\]$/g, '');
    const socket =
      authority.protocol === 'http:'
        ? netConnect({ host, port, noDelay: true })
        : tlsConnect({
            host,
            port,
            ALPNProtocols: ['h2'],
            ...(isIpAddress(host) ? {} : { servername: host }),
            ...(config.tls.ca ? { ca: config.tls.ca } : {}),
            rejectUnauthorized: config.tls.rejectUnauthorized,
          });
    // Frames go out as separate writes (HEADERS, then DATA): without TCP_NODELAY, Nagle holds the second until the first is ACKed.
    socket.setNoDelay(true);
    // Keep-alive probes from the start: a dead path fails in about 11 s even while a stream waits for a slow model.
    socket.setKeepAlive(true, config.http.keepAliveMsecs);
    applyConnectTimeout(socket, config.http.connectTimeoutMs);
    // Open connections are counted per session (observeHttp2Sessions): a socket's 'close' can fail to come.
    observeSocket(socket, recorder, { countOpen: false });
    return socket;
  };
  const handler = new NodeHttp2Handler({
    disableConcurrentStreams: false,
    // Per request: AttemptOptionsHandler passes each attempt's bound as `requestTimeout` (the stream's inactivity timeout).
    requestTimeout: config.http.otherTimeoutMs,
    nodeHttp2ConnectOptions: { createConnection },
  });
  observeHttp2Sessions(handler, recorder);
  // Idle sessions go before a NAT drops them silently (issue 22).
  retireIdleHttp2Sessions(handler, config.http.idleSocketTimeoutMs);
  return handler;
}

function applyConnectTimeout(socket: Socket, timeoutMs: number): void {
  // NodeHttp2Handler has no connect timeout of its own: bound TCP + TLS setup here.
  const timer = setTimeout(() => {
    socket.destroy(Object.assign(new Error(`connection not established within ${timeoutMs} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' }));
  }, timeoutMs);
  timer.unref();
  const clear = () => clearTimeout(timer);
  socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', clear);
  socket.once('close', clear);
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
