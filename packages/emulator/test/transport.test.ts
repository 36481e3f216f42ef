import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { defaultClient, keepAliveClient, userMessage } from './support/clients';

const MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

async function converse(client: ReturnType<typeof defaultClient>, text: string): Promise<string | undefined> {
  const out = await client.send(new ConverseCommand({ modelId: MODEL, messages: [userMessage(text)] }));
  return out.output?.message?.content?.[0]?.text;
}

describe.each([false, true])('transport (tls=%s)', (tls) => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ tls });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.resetStats());

  it('serves Converse to the default client over HTTP/2 (h2c or h2)', async () => {
    const client = defaultClient(emu);
    try {
      expect(await converse(client, 'hello')).toBe('Echo: hello');
      const s = emu.stats();
      expect(s.http2.sessions).toBe(1);
      expect(s.http2.streams).toBe(1);
      expect(s.http1.requests).toBe(0);
      expect(s.requests.byOperation).toEqual({ Converse: 1 });
      expect(s.requests.byModel).toEqual({ [MODEL]: 1 });
      expect(s.auth.byAccessKeyId).toEqual({ AKIAEMULATOR00000001: 1 });
      expect(s.tls.handshakes).toBe(tls ? 1 : 0);
    } finally {
      client.destroy();
    }
  });

  it('serves Converse over HTTP/1.1 keep-alive', async () => {
    const { client, destroy } = keepAliveClient(emu);
    try {
      expect(await converse(client, 'one')).toBe('Echo: one');
      expect(await converse(client, 'two')).toBe('Echo: two');
      const s = emu.stats();
      expect(s.http1.requests).toBe(2);
      expect(s.http2.sessions).toBe(0);
      expect(s.connections.accepted).toBe(1);
      expect(s.connections.requestsPerConnection).toEqual([2]);
    } finally {
      destroy();
    }
  });

  it('20 sequential calls: default client opens 20 connections, keep-alive handler 1', async () => {
    const naive = defaultClient(emu);
    try {
      for (let i = 0; i < 20; i += 1) await converse(naive, `n${i}`);
    } finally {
      naive.destroy();
    }
    await emu.waitForOpenConnections(0);
    const afterNaive = emu.stats();
    expect(afterNaive.connections.accepted).toBe(20);
    expect(afterNaive.connections.open).toBe(0);
    expect(afterNaive.requests.total).toBe(20);
    expect(afterNaive.tls.full).toBe(tls ? 20 : 0);

    emu.resetStats();
    const { client, destroy } = keepAliveClient(emu);
    try {
      for (let i = 0; i < 20; i += 1) await converse(client, `k${i}`);
    } finally {
      destroy();
    }
    const afterPooled = emu.stats();
    expect(afterPooled.connections.accepted).toBe(1);
    expect(afterPooled.connections.requestsPerConnection).toEqual([20]);
    expect(afterPooled.tls.handshakes).toBe(tls ? 1 : 0);
  });

  it('streams ConverseStream events through the SDK', async () => {
    const client = defaultClient(emu);
    try {
      const out = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('stream me please')] }));
      let text = '';
      const kinds: string[] = [];
      for await (const event of out.stream ?? []) {
        const kind = Object.keys(event).find((k) => (event as unknown as Record<string, unknown>)[k] !== undefined) ?? '?';
        kinds.push(kind);
        text += event.contentBlockDelta?.delta?.text ?? '';
        if (event.metadata) expect(event.metadata.usage?.outputTokens).toBe(Math.ceil('Echo: stream me please'.length / 4));
      }
      expect(text).toBe('Echo: stream me please');
      expect(kinds[0]).toBe('messageStart');
      expect(kinds.slice(-2)).toEqual(['messageStop', 'metadata']);
      expect(kinds.filter((k) => k === 'contentBlockDelta')).toHaveLength(4);
    } finally {
      client.destroy();
    }
  });

  it('carries a large body (200 kB) intact over HTTP/2 and HTTP/1.1', async () => {
    const big = 'x'.repeat(200_000);
    const h2 = defaultClient(emu);
    const { client: h1, destroy } = keepAliveClient(emu);
    try {
      expect(await converse(h2, big)).toBe(`Echo: ${big}`);
      expect(await converse(h1, big)).toBe(`Echo: ${big}`);
    } finally {
      h2.destroy();
      destroy();
    }
  });

  it('waitForOpenConnections rejects with a coded error when the count is not reached', async () => {
    await expect(emu.waitForOpenConnections(5, 20)).rejects.toMatchObject({ code: 'ERR_EMULATOR_WAIT_TIMEOUT' });
  });

  it('answers non-model routes without auth and counts them apart', async () => {
    const res = await fetchLike(emu, 'GET', '/');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
    const missing = await fetchLike(emu, 'POST', '/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-amzn-errortype']).toMatch(/^UnknownOperationException:/);
    const s = emu.stats();
    expect(s.requests.nonModel).toBe(2);
    expect(s.requests.byOperation).toEqual({});
    expect(s.auth.failures).toBe(0);
  });
});

/** A bare HTTP/1.1 request (no SDK, no signature). */
async function fetchLike(
  emu: RunningEmulator,
  method: string,
  path: string,
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const mod = emu.ca ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = mod.request(
      `${emu.url}${path}`,
      { method, agent: false, ...(emu.ca ? { ca: emu.ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP/2 multiplexing and TLS resumption', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
  });
  afterAll(() => emu.close());

  it('NodeHttp2Handler with concurrent streams shares one session', async () => {
    const { NodeHttp2Handler } = await import('@smithy/node-http-handler');
    const client = defaultClient(emu, { requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false, nodeHttp2ConnectOptions: { ca: emu.ca } }) });
    emu.resetStats();
    try {
      await Promise.all(Array.from({ length: 5 }, (_, i) => converse(client, `p${i}`)));
      for (let i = 0; i < 5; i += 1) await converse(client, `s${i}`);
    } finally {
      client.destroy();
    }
    const s = emu.stats();
    expect(s.http2.sessions).toBe(1);
    expect(s.http2.streams).toBe(10);
    expect(s.connections.requestsPerConnection).toEqual([10]);
    expect(s.tls).toEqual({ handshakes: 1, full: 1, resumed: 0 });
  });

  it('keeps counting warm connections after resetStats, and tracks requests in flight', async () => {
    const { client, destroy } = keepAliveClient(emu);
    try {
      await converse(client, 'warm');
      emu.resetStats();
      expect(emu.stats().connections).toMatchObject({ accepted: 0, requestsPerConnection: [] });
      expect(emu.stats().connections.open).toBeGreaterThanOrEqual(1);
      await converse(client, 'again');
      expect(emu.stats().connections.requestsPerConnection).toEqual([1]);
    } finally {
      destroy();
    }
    const slow = await startEmulator({ serverDelayMs: 100 });
    const h2 = defaultClient(slow);
    try {
      await Promise.all(Array.from({ length: 4 }, (_, i) => converse(h2, `c${i}`)));
      const s = slow.stats();
      expect(s.requests.maxInFlight).toBeGreaterThan(1);
      expect(s.requests.inFlight).toBe(0);
      expect(s.connections.accepted).toBe(4);
    } finally {
      h2.destroy();
      await slow.close();
    }
  });

  it('counts resumed TLS sessions when a client reuses a session ticket', async () => {
    const https = await import('node:https');
    const agent = new https.Agent({ keepAlive: false, ca: emu.ca, maxCachedSessions: 10 });
    emu.resetStats();
    const get = (): Promise<void> =>
      new Promise((resolve, reject) => {
        https.get(`${emu.url}/ping`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        }).on('error', reject);
      });
    try {
      await get();
      await get();
      await get();
    } finally {
      agent.destroy();
    }
    const s = emu.stats();
    expect(s.tls.handshakes).toBe(3);
    expect(s.tls.full).toBe(1);
    expect(s.tls.resumed).toBe(2);
    expect(s.requests.nonModel).toBe(3);
  });
});
