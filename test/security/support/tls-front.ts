import { connect, type AddressInfo, type Socket } from 'node:net';
import { createServer } from 'node:tls';
import type { TestCertificate } from './test-certificate';

/** A TLS terminator on 127.0.0.1 that presents the test certificate (AWS names) and relays to a plain-HTTP port. */
export interface TlsFront {
  port: number;
  /** TLS connections accepted. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Stands in for the AWS endpoint's TLS: the emulator's own certificate names only localhost, so the AWS host name is
 * served by this front with the test certificate, relaying bytes to the emulator's cleartext port (HTTP/1.1).
 */
export async function startTlsFront(certificate: TestCertificate, targetPort: number): Promise<TlsFront> {
  let accepted = 0;
  const open = new Set<Socket>();
  const server = createServer({ key: certificate.key, cert: certificate.cert, ALPNProtocols: ['http/1.1'] }, (client) => {
    accepted += 1;
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => accepted,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
