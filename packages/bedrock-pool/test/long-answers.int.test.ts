/**
 * Issue 22 in the pool, over real loopback TLS sockets against the emulator: waits by operation, a generation that
 * may have been billed is sent once, failures before the request was written are retried, idle sockets are retired,
 * keep-alive probes are on. Counts requests and connections; the one real-time case answers after 61 s.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { InvokeModelCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { RequestMayHaveBeenBilledError } from '../src';
import { converse, converseStream, startPoolAndEmulator } from './support/pool-fixture';
import { startGivingUpProxy } from './support/giving-up-proxy';
import type { ClientConfig } from '../src';

/** The emulator's test keys as typed into the node: they may go to a loopback proxy in front of it (the endpoint policy). */
function typedKeys(config: ClientConfig): Pick<ClientConfig, 'credentials'> {
  return { credentials: { ...(config.credentials as Extract<ClientConfig['credentials'], { kind: 'static' }>), origin: 'node' } };
}
import { startResettingProxy } from './support/resetting-proxy';

const EMBEDDING_MODEL = 'amazon.titan-embed-text-v2:0';
const identity = { graphId: 'g', nodeId: 'n' };

async function embed(client: BedrockRuntimeClient, text = 'hello'): Promise<number> {
  const output = await client.send(new InvokeModelCommand({ modelId: EMBEDDING_MODEL, contentType: 'application/json', body: JSON.stringify({ inputText: text }) }));
  return (JSON.parse(new TextDecoder().decode(output.body)) as { embedding: number[] }).embedding.length;
}

async function failureOf(pending: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return pending.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error & Record<string, unknown>) => error,
  );
}

async function drain(stream: AsyncIterable<unknown>): Promise<number> {
  let events = 0;
  for await (const _event of stream) events += 1;
  return events;
}

/** The `tr` (timer) field of every established IPv4 connection to `port` on loopback, from /proc/net/tcp. */
function tcpTimersTo(port: number): string[] {
  if (!existsSync('/proc/net/tcp')) throw new Error('this test reads /proc/net/tcp (Linux) to see the sockets\' keep-alive timers');
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[2]?.endsWith(`:${hexPort}`) && fields[3] === '01')
    .map((fields) => fields[5]!.split(':')[0]!);
}

test('default configuration: a non-streaming generation that answers after 61 s succeeds with exactly 1 request', async () => {
  const { emulator, pool, config } = await startPoolAndEmulator();
  try {
    const lease = pool.acquire(identity, config);
    emulator.setFaults({ firstByteDelayMs: 61_000 });
    await expect(converse(lease.client, 'slow')).resolves.toBe('Echo: slow');
    expect(emulator.stats().requests.byOperation.Converse).toBe(1);
    expect(pool.metrics().totals.retries).toBe(0);
  } finally {
    await pool.destroy();
    await emulator.close();
  }
}, 120_000);

test('waits by operation (scaled down): a slow non-streaming answer succeeds once, the same silence fails a stream once and an embedding after its retries', async () => {
  const { emulator, pool, config } = await startPoolAndEmulator();
  try {
    const http = { generationTimeoutMs: 5_000, streamSilenceTimeoutMs: 300, embeddingTimeoutMs: 300 };
    const lease = pool.acquire(identity, { ...config, http, retry: { maxAttempts: 2 } });
    emulator.setFaults({ firstByteDelayMs: 1_000 });
    await expect(converse(lease.client, 'slow')).resolves.toBe('Echo: slow');
    expect(emulator.stats().requests.byOperation.Converse).toBe(1);

    const streamError = await failureOf(converseStream(lease.client, 'slow').then(drain));
    expect(streamError).toBeInstanceOf(RequestMayHaveBeenBilledError);
    expect(streamError).toMatchObject({ operation: 'ConverseStream', field: 'http.streamSilenceTimeoutMs', reason: 'timeout', timeoutMs: 300 });
    expect(emulator.stats().requests.byOperation.ConverseStream).toBe(1);

    // An embedding is cheap and deterministic: it keeps the SDK's retries after a timeout.
    const embedError = await failureOf(embed(lease.client));
    expect(embedError).not.toBeInstanceOf(RequestMayHaveBeenBilledError);
    expect(embedError.name).toBe('TimeoutError');
    expect(embedError.message).toContain('http.embeddingTimeoutMs');
    expect(emulator.stats().requests.byOperation.InvokeModel).toBe(2);
  } finally {
    await pool.destroy();
    await emulator.close();
  }
});

test('a connection reset after the request was written fails a generation once (connection-lost), while an embedding is retried and succeeds', async () => {
  const { emulator, pool, config } = await startPoolAndEmulator();
  try {
    const lease = pool.acquire(identity, { ...config, retry: { maxAttempts: 3 } });
    emulator.setFaults({ resetConnection: { count: 1 } });
    const error = await failureOf(converse(lease.client, 'reset'));
    expect(error).toBeInstanceOf(RequestMayHaveBeenBilledError);
    expect(error).toMatchObject({ code: 'ERR_BEDROCK_POOL_MAY_HAVE_BEEN_BILLED', reason: 'connection-lost', transportError: 'ECONNRESET', field: 'http.generationTimeoutMs' });
    expect(error.message).toMatch(/lost its connection after the request was sent/);
    expect(emulator.stats().requests.byOperation.Converse).toBe(1);

    emulator.setFaults({ resetConnection: { count: 1 } });
    await expect(embed(lease.client)).resolves.toBe(1024);
    expect(emulator.stats().requests.byOperation.InvokeModel).toBe(2);
    // One reset per fault set: the Converse's and the embedding's first attempt.
    expect(emulator.stats().faults.resetConnection).toBe(2);
  } finally {
    await pool.destroy();
    await emulator.close();
  }
});

test('a connection reset before the request was written is retried and the generation succeeds with 1 request at the server', async () => {
  const { emulator, pool, config } = await startPoolAndEmulator({ endpointPolicy: { allowedHosts: ['127.0.0.1'] } });
  const proxy = await startResettingProxy(emulator.port, 1);
  try {
    const lease = pool.acquire(identity, { ...config, ...typedKeys(config), endpoint: proxy.url, retry: { maxAttempts: 3 } });
    await expect(converse(lease.client, 'after reset')).resolves.toBe('Echo: after reset');
    expect(proxy.reset()).toBe(1);
    expect(proxy.accepted()).toBe(2);
    expect(emulator.stats().requests.byOperation.Converse).toBe(1);
    expect(pool.metrics().totals.retries).toBe(1);
  } finally {
    await pool.destroy();
    await proxy.close();
    await emulator.close();
  }
});

test('a proxy that closes a reused connection (FIN) while the model is still answering fails the generation once: a late FIN is not a stale socket', async () => {
  const { emulator, pool, config } = await startPoolAndEmulator({ endpointPolicy: { allowedHosts: ['127.0.0.1'] } });
  const proxy = await startGivingUpProxy(emulator.port, 1_500);
  try {
    const lease = pool.acquire(identity, { ...config, ...typedKeys(config), endpoint: proxy.url, retry: { maxAttempts: 3 } });
    await expect(converse(lease.client, 'warm')).resolves.toBe('Echo: warm');
    emulator.setFaults({ firstByteDelayMs: 5_000 });
    const error = await failureOf(converse(lease.client, 'slow'));
    expect(error).toBeInstanceOf(RequestMayHaveBeenBilledError);
    expect(error).toMatchObject({ reason: 'connection-lost' });
    expect(proxy.gaveUp()).toBe(1);
    expect(emulator.stats().requests.byOperation.Converse).toBe(2);
  } finally {
    await pool.destroy();
    await proxy.close();
    await emulator.close();
  }
});

test('a refused connection is retried: every attempt is made and the error names ECONNREFUSED, not a billed request', async () => {
  const { emulator, pool, config } = await startPoolAndEmulator({ endpointPolicy: { allowedHosts: ['127.0.0.1'] } });
  // A port that was free a moment ago: nothing listens on it.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  try {
    const lease = pool.acquire(identity, { ...config, ...typedKeys(config), endpoint: `https://127.0.0.1:${port}`, retry: { mode: 'standard', maxAttempts: 3 } });
    const error = await failureOf(converse(lease.client, 'refused'));
    expect(error).not.toBeInstanceOf(RequestMayHaveBeenBilledError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(pool.metrics().totals.requests).toBe(3);
    expect(pool.metrics().totals.retries).toBe(2);
  } finally {
    await pool.destroy();
    await emulator.close();
  }
});

test('a blackholed call fails within its bound, once, and the next call succeeds on a new connection', async () => {
  const { emulator, pool, config } = await startPoolAndEmulator();
  try {
    const lease = pool.acquire(identity, { ...config, http: { requestTimeoutMs: 300 } });
    await expect(converse(lease.client, 'warm')).resolves.toBe('Echo: warm');
    emulator.resetStats();
    emulator.setFaults({ firstByteDelayMs: Infinity });
    await expect(converse(lease.client, 'held')).rejects.toBeInstanceOf(RequestMayHaveBeenBilledError);
    expect(emulator.stats().requests.byOperation.Converse).toBe(1);
    emulator.setFaults({});
    await expect(converse(lease.client, 'next')).resolves.toBe('Echo: next');
    // The timed-out socket was destroyed, not reused.
    expect(emulator.stats().connections.accepted).toBe(1);
  } finally {
    await pool.destroy();
    await emulator.close();
  }
});

test.each(['http1', 'http2'] as const)('an idle pooled connection is closed after idleSocketTimeoutMs, and the next call opens a new one (%s)', async (transport) => {
  const { emulator, pool, config } = await startPoolAndEmulator();
  try {
    const lease = pool.acquire(identity, { ...config, transport, http: { idleSocketTimeoutMs: 200 } });
    await expect(converse(lease.client, 'first')).resolves.toBe('Echo: first');
    await emulator.waitForOpenConnections(0, 5_000);
    expect(pool.metrics().totals.connectionsOpen).toBe(0);
    emulator.resetStats();
    await expect(converse(lease.client, 'second')).resolves.toBe('Echo: second');
    expect(emulator.stats().connections.accepted).toBe(1);
    expect(emulator.stats().requests.byOperation.Converse).toBe(1);
  } finally {
    await pool.destroy();
    await emulator.close();
  }
});

test.each(['http1', 'http2'] as const)('a busy connection is not retired by the idle timeout: a generation longer than idleSocketTimeoutMs succeeds once (%s)', async (transport) => {
  const { emulator, pool, config } = await startPoolAndEmulator();
  try {
    const lease = pool.acquire(identity, { ...config, transport, http: { idleSocketTimeoutMs: 200 } });
    emulator.setFaults({ firstByteDelayMs: 800 });
    await expect(converse(lease.client, 'slow')).resolves.toBe('Echo: slow');
    expect(emulator.stats().requests.byOperation.Converse).toBe(1);
  } finally {
    await pool.destroy();
    await emulator.close();
  }
});

test.each(['http1', 'http2'] as const)('every pooled socket has TCP keep-alive probes on while it waits for an answer (%s)', async (transport) => {
  const { emulator, pool, config } = await startPoolAndEmulator();
  try {
    const lease = pool.acquire(identity, { ...config, transport });
    emulator.setFaults({ firstByteDelayMs: 500 });
    const pending = converse(lease.client, 'probe');
    await emulator.waitForOpenConnections(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // /proc/net/tcp's `tr` column is 2 while a socket's keep-alive timer runs (SO_KEEPALIVE on, nothing unacknowledged).
    const timers = tcpTimersTo(emulator.port);
    expect(timers).toEqual(['02']);
    await expect(pending).resolves.toBe('Echo: probe');
  } finally {
    await pool.destroy();
    await emulator.close();
  }
});
