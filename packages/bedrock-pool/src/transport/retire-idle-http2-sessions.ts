import type { ClientHttp2Session } from 'node:http2';
import type { NodeHttp2Handler } from '@smithy/node-http-handler';

/** The part of the handler's (internal) connection manager that opens sessions. */
interface SessionConnector {
  connect(url: string): ClientHttp2Session;
}

/**
 * Destroys an HTTP/2 session that has had no open stream for `idleMs`, so a NAT or load balancer never silently drops
 * a session the pool would reuse; the handler then opens a new one. `NodeHttp2Handler`'s own `sessionTimeout` cannot do
 * this: it counts inactivity of the whole session, so it would also kill a session whose one stream waits for a slow
 * non-streaming answer. Destroyed rather than closed: a destroyed session is never handed out again.
 */
export function retireIdleHttp2Sessions(handler: NodeHttp2Handler, idleMs: number): void {
  const manager = (handler as unknown as { connectionManager?: SessionConnector }).connectionManager;
  if (!manager || typeof manager.connect !== 'function') return;
  const connect = manager.connect.bind(manager);
  manager.connect = (url: string): ClientHttp2Session => {
    const session = connect(url);
    retireWhenIdle(session, idleMs);
    return session;
  };
}

function retireWhenIdle(session: ClientHttp2Session, idleMs: number): void {
  let open = 0;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (open === 0 && !session.destroyed) session.destroy();
    }, idleMs);
    timer.unref();
  };
  const request = session.request.bind(session);
  session.request = ((...args: Parameters<ClientHttp2Session['request']>) => {
    const stream = request(...args);
    open += 1;
    clearTimeout(timer);
    stream.once('close', () => {
      open -= 1;
      if (open === 0) arm();
    });
    return stream;
  }) as ClientHttp2Session['request'];
  session.once('close', () => clearTimeout(timer));
  arm();
}
