import { createServer, connect, type Server, type Socket } from 'node:net';

/** A loopback TCP proxy in front of a server that resets its first `resets` connections as soon as they are accepted. */
export interface ResettingProxy {
  /** `https://127.0.0.1:<port>` (the emulator's certificate is for 127.0.0.1). */
  url: string;
  /** Connections accepted. */
  accepted(): number;
  /** Connections reset on accept. */
  reset(): number;
  close(): Promise<void>;
}

/**
 * Resets (RST, before reading a byte) the first `resets` connections and forwards the others to `targetPort`: a client
 * sees a connection reset before its request could be written (during the TLS handshake), the "reset on write" case.
 */
export async function startResettingProxy(targetPort: number, resets: number): Promise<ResettingProxy> {
  let accepted = 0;
  let reset = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    accepted += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (reset < resets) {
      reset += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}`,
    accepted: () => accepted,
    reset: () => reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
