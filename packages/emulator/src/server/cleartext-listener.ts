import net from 'node:net';
import type { ConnectionRegistry } from './connection-registry';
import { classifyPreface } from './http2-preface';
import type { ProtocolServers } from './protocol-servers';

/**
 * A raw TCP server that reads the first bytes of each connection and hands it to the h2c server
 * when they are the HTTP/2 preface, else to the HTTP/1.1 server (both on one port).
 */
export function createCleartextListener(servers: ProtocolServers, registry: ConnectionRegistry): net.Server {
  return net.createServer((socket) => {
    registry.accept(socket);
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      seen = Buffer.concat([seen, chunk]);
      const kind = classifyPreface(seen);
      if (kind === undefined) return;
      socket.removeListener('data', onData);
      socket.pause();
      socket.unshift(seen);
      if (kind === 'h2') {
        // The HTTP/2 session reads the unshifted bytes itself; resuming here would drop them.
        servers.h2.emit('connection', socket);
      } else {
        servers.http1.emit('connection', socket);
        // The HTTP/1.1 parser listens for 'data', so the unshifted bytes must flow again.
        socket.resume();
      }
    };
    socket.on('data', onData);
  });
}
