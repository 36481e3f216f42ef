import net from 'node:net';
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, startLatencyProxy } from '@bedrock-flow/emulator';
import { defaultClient, keepAliveClient, userMessage } from './support/clients';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

describe.each([false, true])('startEmulator({ rttMs }) (tls=%s)', (tls) => {
  it('puts the proxy in front: one upstream connection per client connection, streams intact, resets forwarded', async () => {
    const emu = await startEmulator({ rttMs: 4, tls });
    const naive = defaultClient(emu);
    const pooled = keepAliveClient(emu);
    try {
      for (let i = 0; i < 3; i += 1) await naive.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage(`n${i}`)] }));
      expect(emu.stats().connections.accepted).toBe(3);
      expect(emu.stats().tls.full).toBe(tls ? 3 : 0);

      emu.resetStats();
      for (let i = 0; i < 3; i += 1) await pooled.client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage(`k${i}`)] }));
      expect(emu.stats().connections.accepted).toBe(1);

      const out = await naive.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('one two three four five')] }));
      let text = '';
      for await (const e of out.stream ?? []) text += e.contentBlockDelta?.delta?.text ?? '';
      expect(text).toBe('Echo: one two three four five');

      emu.setFaults({ resetConnection: { count: 1 } });
      emu.resetStats();
      const retried = await pooled.client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage('again')] }));
      expect(retried.output?.message?.content?.[0]?.text).toBe('Echo: again');
      expect(emu.stats().faults).toEqual({ resetConnection: 1 });
    } finally {
      naive.destroy();
      pooled.destroy();
      await emu.close();
    }
  });
});

describe('TCP_NODELAY (Nagle off) on every socket the proxy and the server own', () => {
  it('the proxy sets it on its client-side and upstream sockets, the server on the sockets it accepts', async () => {
    const spy = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const emu = await startEmulator({ rttMs: 2 });
    // h2c through the proxy (node:http2 also sets it on sockets it serves; the proxy's own sockets rely on the proxy alone).
    const client = defaultClient(emu);
    try {
      await client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage('nagle')] }));
      // Read the sockets while the connection is still open (their ports are known by now).
      const noDelay = [...new Set(spy.mock.contexts.filter((_socket, i) => spy.mock.calls[i]?.[0] !== false))] as Array<net.Socket & { server?: unknown }>;
      const proxyAccepted = noDelay.filter((s) => s.server && s.localPort === emu.port);
      const upstream = noDelay.filter((s) => !s.server && s.remotePort !== emu.port);
      const serverAccepted = noDelay.filter((s) => s.server && s.localPort !== emu.port);
      expect(proxyAccepted).toHaveLength(1);
      expect(upstream).toHaveLength(1);
      expect(serverAccepted).toHaveLength(1);
      expect(serverAccepted[0]!.localPort).toBe(upstream[0]!.remotePort);
      expect(serverAccepted[0]!.remotePort).toBe(upstream[0]!.localPort);
    } finally {
      client.destroy();
      await emu.close();
      spy.mockRestore();
    }
  });
});

describe('startLatencyProxy', () => {
  it('keeps chunk order, forwards half-close, and closes idempotently', async () => {
    const echo = net.createServer({ allowHalfOpen: true }, (socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => socket.end(Buffer.concat(chunks).toString('utf8').toUpperCase()));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    const port = (echo.address() as net.AddressInfo).port;
    const proxy = await startLatencyProxy({ target: { host: '127.0.0.1', port }, rttMs: 2 });
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const client = net.connect({ host: '127.0.0.1', port: proxy.port, allowHalfOpen: true }, () => {
          for (const part of ['a', 'b', 'c', 'd', 'e']) client.write(part);
          client.end();
        });
        let got = '';
        client.on('data', (c: Buffer) => (got += c.toString('utf8')));
        client.on('end', () => {
          client.end();
          resolve(got);
        });
        client.on('error', reject);
      });
      expect(reply).toBe('ABCDE');
      expect(proxy.connections()).toBe(1);
    } finally {
      await proxy.close();
      await proxy.close();
      await new Promise<void>((r) => echo.close(() => r()));
    }
  });

  it('forwards an upstream reset to the client', async () => {
    const resetter = net.createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((r) => resetter.listen(0, '127.0.0.1', () => r()));
    const proxy = await startLatencyProxy({ target: { host: '127.0.0.1', port: (resetter.address() as net.AddressInfo).port }, rttMs: 2 });
    try {
      const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
        const client = net.connect({ host: '127.0.0.1', port: proxy.port }, () => client.write('x'));
        client.on('error', resolve);
      });
      expect(error.code).toBe('ECONNRESET');
    } finally {
      await proxy.close();
      await new Promise<void>((r) => resetter.close(() => r()));
    }
  });

  it('rejects a bad rttMs with a coded error', async () => {
    await expect(startLatencyProxy({ target: { host: '127.0.0.1', port: 1 }, rttMs: -1 })).rejects.toMatchObject({ code: 'ERR_EMULATOR_INVALID_OPTION', field: 'rttMs' });
  });
});
