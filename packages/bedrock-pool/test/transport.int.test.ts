import { createServer, type Server } from 'node:http';
import { Agent } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { ConfigValidationError, type BedrockPool, type ClientConfig } from '../src';
import { converse, usePoolAndEmulator } from './support/pool-fixture';

describe('transport', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  usePoolAndEmulator({ start: 'each' }, (started) => ({ emulator, pool, config } = started));

  test('http1 (default) really speaks HTTP/1.1 keep-alive: 20 calls, 1 connection, no h2 session', async () => {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, config);
    for (let call = 0; call < 20; call += 1) await converse(lease.client);
    const stats = emulator.stats();
    expect(stats.http1.requests).toBe(20);
    expect(stats.http2.sessions).toBe(0);
    expect(stats.connections.accepted).toBe(1);
    expect(stats.connections.requestsPerConnection).toEqual([20]);
    expect(lease.client.config.requestHandler.metadata?.handlerProtocol).toBe('http/1.1');
  });

  test('the pitfall the pool avoids: a plain { httpsAgent } object still yields an HTTP/2 handler', async () => {
    const agent = new Agent({ keepAlive: true, ca: emulator.ca });
    const client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: TEST_CREDENTIALS,
      requestHandler: { httpsAgent: agent } as never,
    });
    try {
      // The h2 handler ignores the agent (and its CA), so the call fails TLS verification or speaks h2.
      await converse(client).catch(() => undefined);
      expect(client.config.requestHandler.metadata?.handlerProtocol).toBe('h2');
      expect(emulator.stats().http1.requests).toBe(0);
    } finally {
      client.destroy();
      agent.destroy();
    }
  });

  test('http2: 20 sequential calls share one session', async () => {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, transport: 'http2' });
    for (let call = 0; call < 20; call += 1) await converse(lease.client);
    const stats = emulator.stats();
    expect(stats.http2.sessions).toBe(1);
    expect(stats.http2.streams).toBe(20);
    expect(stats.connections.accepted).toBe(1);
    expect(pool.metrics().totals.requestsOnReusedConnections).toBe(19);
  });

  test('HTTPS proxy: calls tunnel through CONNECT once and keep the tunnel alive', async () => {
    const tunnels: string[] = [];
    const proxy: Server = createServer();
    proxy.on('connect', (request, clientSocket, head) => {
      tunnels.push(request.url ?? '');
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(clientSocket);
        clientSocket.pipe(upstream);
      });
      upstream.on('error', () => clientSocket.destroy());
      clientSocket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, proxy: proxyUrl });
      for (let call = 0; call < 5; call += 1) await converse(lease.client);
      expect(tunnels).toEqual([new URL(emulator.url).host]);
      expect(emulator.stats().connections.accepted).toBe(1);
      expect(emulator.stats().requests.byOperation.Converse).toBe(5);
      expect(pool.metrics().slots[0]?.proxied).toBe(true);
      expect(pool.metrics().totals.tlsHandshakes).toBe(1);
    } finally {
      await pool.close();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  test('http2 with a proxy is rejected before any network call', () => {
    expect(() => pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, transport: 'http2', proxy: 'http://127.0.0.1:9' })).toThrow(ConfigValidationError);
    expect(emulator.stats().connections.accepted).toBe(0);
  });
});
