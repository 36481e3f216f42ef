import { createServer, connect, type Server, type Socket } from 'node:net';

/** A loopback TCP proxy that gives up on slow answers, as some HTTP proxies and load balancers do. */
export interface GivingUpProxy {
  /** `https://127.0.0.1:<port>` (the emulator's certificate is for 127.0.0.1). */
  url: string;
  /** Client connections it closed (FIN) while the server was still silent. */
  gaveUp(): number;
  close(): Promise<void>;
}

/**
 * Forwards to `targetPort`; when the client has sent something and the server has then been silent for `silenceMs`,
 * ends the client connection (FIN, not RST) and drops the server side: the request was read upstream, the client gets
 * a clean close and no answer.
 */
export async function startGivingUpProxy(targetPort: number, silenceMs: number): Promise<GivingUpProxy> {
  let gaveUp = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    let timer: NodeJS.Timeout | undefined;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      clearTimeout(timer);
      timer = setTimeout(() => {
        gaveUp += 1;
        client.end();
        upstream.destroy();
      }, silenceMs);
    });
    upstream.on('data', (chunk) => {
      clearTimeout(timer);
      client.write(chunk);
    });
    client.on('close', () => {
      clearTimeout(timer);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}`,
    gaveUp: () => gaveUp,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
