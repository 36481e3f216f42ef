import { createHook } from 'node:async_hooks';
import type { ConnectionCounter } from './connection-counts';

/**
 * Counts this process's outgoing TCP connections (`TCPCONNECTWRAP`) and TLS sockets (`TLSWRAP`)
 * with an async hook, so `--real` can show connections and handshakes without a server to ask;
 * HTTP/2 sessions have no diagnostics channel in Node 20, async hooks see them too. Requests are
 * not counted (`null`): HTTP/2 requests (the naive mode) have no process-wide channel.
 */
export function processSocketCounter(): ConnectionCounter {
  const counts = { tlsHandshakes: 0, connections: 0 };
  const hook = createHook({
    init(_id, type) {
      if (type === 'TCPCONNECTWRAP') counts.connections += 1;
      else if (type === 'TLSWRAP') counts.tlsHandshakes += 1;
    },
  });
  hook.enable();
  return {
    side: 'client',
    read: () => ({ ...counts, requests: null }),
    stop: () => {
      hook.disable();
    },
  };
}
