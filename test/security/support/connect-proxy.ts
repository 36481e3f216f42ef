import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A loopback HTTP CONNECT proxy that records every tunnel it was asked for. */
export interface ConnectProxy {
  url: string;
  /** `host:port` of every CONNECT received. */
  readonly connects: string[];
  close(): Promise<void>;
}

/**
 * Starts the proxy on 127.0.0.1. Tunnels go through this process's sockets, so the loopback guard resolves their
 * names too: a tunnel can reach nothing off this machine either.
 */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const connects: string[] = [];
  const open = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const authority = req.url ?? '';
    connects.push(authority);
    const separator = authority.lastIndexOf(':');
    const host = authority.slice(0, separator).replace(/^\[|\]$/g, '');
    const upstream = connect({ host, port: Number(authority.slice(separator + 1)) }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    }
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: async () => {
      for (const socket of open) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
