import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';

/**
 * The guard every attack runs under (issue 21, DESIGN §6): every way Node opens a connection or asks DNS is judged,
 * not only `Socket#connect(options)`. A public address or name fails with EGUARDREFUSED (or the guard's ENOTFOUND)
 * before any packet leaves, and a loopback listener is still reached through the same paths.
 */

const PUBLIC_V4 = '192.0.2.10'; // TEST-NET-1: never routed, so even a broken guard sends nothing anywhere real
const PUBLIC_NAME = 'bedrock-runtime.us-east-1.amazonaws.com';

let guard: LoopbackGuard;
let server: net.Server;
let port: number;
const serverSockets = new Set<net.Socket>();

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  server = net.createServer((socket) => {
    serverSockets.add(socket);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  guard.uninstall();
  for (const socket of serverSockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function socketOutcome(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
  });
}

describe('the loopback guard refuses every way off the machine', () => {
  const connects: Array<[string, (host: string, port: number) => net.Socket]> = [
    ['net.connect(port, host) (the internal array form)', (host, p) => net.connect(p, host)],
    ['net.createConnection({ host, port })', (host, p) => net.createConnection({ host, port: p })],
    ['new Socket().connect({ host, port })', (host, p) => new net.Socket().connect({ host, port: p })],
    ['new Socket().connect(port, host)', (host, p) => new net.Socket().connect(p, host)],
    ['tls.connect({ host, port })', (host, p) => tls.connect({ host, port: p, rejectUnauthorized: false })],
  ];

  it.each(connects)('%s: a public IP and a public name refused, loopback reached', async (_label, open) => {
    const before = guard.attempts.length;
    expect(await socketOutcome(open(PUBLIC_V4, 443))).toBe('EGUARDREFUSED');
    expect(await socketOutcome(open(PUBLIC_NAME, 443))).toBe('EGUARDREFUSED');
    expect(await socketOutcome(open('::ffff:192.0.2.10', 443))).toBe('EGUARDREFUSED');
    const local = await socketOutcome(open('127.0.0.1', port));
    // tls.connect to a plain TCP server fails the handshake after connecting: still a loopback connect.
    expect(['connected', 'ECONNRESET', 'EPROTO'].some((outcome) => local === outcome || local.includes(outcome))).toBe(true);
    const seen = guard.attempts.slice(before);
    expect(seen.filter((attempt) => !attempt.allowed).map((attempt) => attempt.host)).toEqual([PUBLIC_V4, PUBLIC_NAME, '::ffff:192.0.2.10']);
    expect(seen.filter((attempt) => attempt.allowed)).toHaveLength(1);
  });

  it('http.get, https.get and http2.connect to a public host are refused before any packet', async () => {
    const outcome = (request: http.ClientRequest) => new Promise<string>((resolve) => request.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? '')).once('response', () => resolve('answered')));
    expect(await outcome(http.get(`http://${PUBLIC_V4}/`))).toBe('EGUARDREFUSED');
    expect(await outcome(https.get(`https://${PUBLIC_NAME}/`))).toBe('EGUARDREFUSED');
    const session = http2.connect(`https://${PUBLIC_NAME}`);
    const code = await new Promise<string>((resolve) => session.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? '')));
    session.destroy();
    expect(code).toBe('EGUARDREFUSED');
  });

  it('fetch (undici) to a public host is refused', async () => {
    const error = await fetch(`https://${PUBLIC_NAME}/`).then(
      () => undefined,
      (caught: Error & { cause?: NodeJS.ErrnoException }) => caught,
    );
    expect(error?.cause?.code).toBe('EGUARDREFUSED');
  });

  it('dns.lookup and dns.promises.lookup answer only the name table; every resolve* form is refused', async () => {
    await expect(dns.promises.lookup(PUBLIC_NAME)).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(new Promise((resolve, reject) => dns.lookup(PUBLIC_NAME, (error, address) => (error ? reject(error) : resolve(address))))).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(dns.promises.lookup('localhost')).resolves.toMatchObject({ address: '127.0.0.1' });
    const before = guard.queries.length;
    await expect(dns.promises.resolve4(PUBLIC_NAME)).rejects.toMatchObject({ code: 'EGUARDREFUSED' });
    await expect(dns.promises.resolve(PUBLIC_NAME, 'AAAA')).rejects.toMatchObject({ code: 'EGUARDREFUSED' });
    await expect(new dns.promises.Resolver().resolveTxt(PUBLIC_NAME)).rejects.toMatchObject({ code: 'EGUARDREFUSED' });
    await expect(new Promise((resolve, reject) => dns.resolve6(PUBLIC_NAME, (error, addresses) => (error ? reject(error) : resolve(addresses))))).rejects.toMatchObject({ code: 'EGUARDREFUSED' });
    await expect(new Promise((resolve, reject) => new dns.Resolver().resolve4(PUBLIC_NAME, (error, addresses) => (error ? reject(error) : resolve(addresses))))).rejects.toMatchObject({ code: 'EGUARDREFUSED' });
    await expect(new Promise((resolve, reject) => dns.reverse('192.0.2.10', (error, names) => (error ? reject(error) : resolve(names))))).rejects.toMatchObject({ code: 'EGUARDREFUSED' });
    expect(guard.queries.length - before).toBe(6);
  });
});
