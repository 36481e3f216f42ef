import type { ClientHttp2Session } from 'node:http2';
import type { NodeHttp2Handler } from '@smithy/node-http-handler';
import type { MetricsRecorder } from '../metrics/metrics-recorder';

/** The part of the handler's (internal) connection manager that opens sessions. */
interface SessionConnector {
  connect(url: string): ClientHttp2Session;
}

/**
 * Counts `connectionsOpen` by HTTP/2 session lifetime: up when the handler opens a session, down once when the
 * session closes, is destroyed or receives GOAWAY. The TLS socket's own `close` is not enough: a socket handed to a
 * session whose server vanished while a stream was being opened never emits it, and the gauge would count it forever.
 */
export function observeHttp2Sessions(handler: NodeHttp2Handler, recorder: MetricsRecorder): void {
  const manager = (handler as unknown as { connectionManager?: SessionConnector }).connectionManager;
  if (!manager || typeof manager.connect !== 'function') return;
  const connect = manager.connect.bind(manager);
  manager.connect = (url: string): ClientHttp2Session => {
    const session = connect(url);
    observeSession(session, recorder);
    return session;
  };
}

function observeSession(session: ClientHttp2Session, recorder: MetricsRecorder): void {
  recorder.add('connectionsOpen');
  let open = true;
  const closed = () => {
    if (!open) return;
    open = false;
    recorder.add('connectionsOpen', -1);
  };
  session.once('close', closed);
  session.once('goaway', closed);
  // `destroy()` emits 'close' only after the socket's handle closes, which a vanished server can delay forever.
  const destroy = session.destroy.bind(session);
  session.destroy = ((...args: Parameters<ClientHttp2Session['destroy']>) => {
    closed();
    return destroy(...args);
  }) as ClientHttp2Session['destroy'];
}
