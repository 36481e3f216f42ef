import { ConverseCommand, ConverseStreamCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { defaultClient, keepAliveClient, userMessage } from './support/clients';
import { jsonBody } from './support/shared-emulator';
import { rawRequest } from './support/raw-request';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const converse = (text = 'hi'): ConverseCommand => new ConverseCommand({ modelId: MODEL, messages: [userMessage(text)] });

describe('faults as the SDK sees them', () => {
  let emu: RunningEmulator;
  let retrying: ReturnType<typeof keepAliveClient>;
  let single: ReturnType<typeof keepAliveClient>;
  beforeAll(async () => {
    emu = await startEmulator();
    retrying = keepAliveClient(emu);
    single = keepAliveClient(emu, { maxAttempts: 1 });
  });
  afterAll(async () => {
    retrying.destroy();
    single.destroy();
    await emu.close();
  });
  beforeEach(() => {
    emu.setFaults({});
    emu.resetStats();
  });

  it('throttle count 1: the SDK retries the 429 and succeeds', async () => {
    emu.setFaults({ throttle: { count: 1 } });
    const out = await retrying.client.send(converse());
    expect(out.output?.message?.content?.[0]?.text).toBe('Echo: hi');
    const s = emu.stats();
    expect(s.faults).toEqual({ throttle: 1 });
    expect(s.requests.byOperation['Converse']).toBe(2);
    expect(s.requests.errors).toBe(1);
  });

  it('throttle everyNth 2 and rate 0.5 pick every second request, surfacing ThrottlingException', async () => {
    for (const throttle of [{ everyNth: 2 }, { rate: 0.5 }]) {
      emu.setFaults({ throttle });
      const outcomes: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        outcomes.push(await single.client.send(converse()).then(() => 'ok', (e: Error & { $metadata?: { httpStatusCode?: number } }) => `${e.name}:${e.$metadata?.httpStatusCode}`));
      }
      expect(outcomes).toEqual(['ok', 'ThrottlingException:429', 'ok', 'ThrottlingException:429']);
    }
    expect(emu.stats().faults['throttle']).toBe(4);
  });

  it('sends retry-after when asked', async () => {
    emu.setFaults({ throttle: { count: 1, retryAfterSeconds: 2 }, operations: ['InvokeModel'] });
    const res = await rawRequest(emu, 'POST', `/model/${MODEL}/invoke`, '{}', { authorization: 'x' });
    // Auth runs before faults: an unsigned request is refused first, so sign-free checks use auth 'none' below.
    expect(res.status).toBe(403);
    const open = await startEmulator({ auth: 'none', faults: { throttle: { count: 1, retryAfterSeconds: 2 } } });
    try {
      const throttled = await rawRequest(open, 'POST', `/model/${MODEL}/invoke`, '{}');
      expect(throttled.status).toBe(429);
      expect(throttled.headers['retry-after']).toBe('2');
      expect(throttled.headers['x-amzn-errortype']).toMatch(/^ThrottlingException:/);
    } finally {
      await open.close();
    }
  });

  it.each([
    [500, 'InternalServerException'],
    [503, 'ServiceUnavailableException'],
  ] as const)('server error %s: retried to success, or surfaced as %s', async (status, name) => {
    emu.setFaults({ serverError: { status, count: 1 } });
    await expect(retrying.client.send(converse())).resolves.toBeDefined();
    emu.setFaults({ serverError: { status, count: 1 } });
    await expect(single.client.send(converse())).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
    expect(emu.stats().faults).toEqual({ serverError: 2 });
  });

  it('reset connection: the SDK retries on a new connection', async () => {
    emu.setFaults({ resetConnection: { count: 1 } });
    await expect(retrying.client.send(converse())).resolves.toBeDefined();
    const s = emu.stats();
    expect(s.faults).toEqual({ resetConnection: 1 });
    expect(s.requests.byOperation['Converse']).toBe(2);
    emu.setFaults({ resetConnection: { count: 1 } });
    await expect(single.client.send(converse())).rejects.toThrow();
  });

  it('idleCloseMs closes idle keep-alive connections; the next call reconnects', async () => {
    const { client, destroy } = keepAliveClient(emu);
    try {
      await client.send(converse());
      const before = emu.stats().connections.open;
      expect(before).toBeGreaterThanOrEqual(1);
      // Connections already idle when the fault is switched on are closed too.
      emu.setFaults({ idleCloseMs: 20 });
      await emu.waitForOpenConnections(0);
      expect(emu.stats().connections.open).toBe(0);
      expect(emu.stats().faults['idleClose']).toBe(before);
      emu.resetStats();
      await client.send(converse());
      await emu.waitForOpenConnections(0);
      const s = emu.stats();
      expect(s.connections.accepted).toBe(1);
      expect(s.faults['idleClose']).toBe(1);
    } finally {
      destroy();
    }
  });

  it('firstByteDelayMs Infinity with a client requestTimeout: the SDK times out', async () => {
    const { client, destroy } = keepAliveClient(emu, { maxAttempts: 1 }, { requestTimeout: 50, throwOnRequestTimeout: true });
    try {
      emu.setFaults({ firstByteDelayMs: Infinity });
      await expect(client.send(converse())).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(emu.stats().faults['firstByteDelay']).toBe(1);
      emu.setFaults({});
      await expect(client.send(converse())).resolves.toBeDefined();
    } finally {
      destroy();
    }
  });

  it('cutStreamAfterFrames: the stream iterator throws (HTTP/2 and HTTP/1.1)', async () => {
    emu.setFaults({ cutStreamAfterFrames: 2, operations: ['ConverseStream'] });
    const h2 = defaultClient(emu, { maxAttempts: 1 });
    try {
      for (const client of [h2, single.client]) {
        const out = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('a b c d e f')] }));
        const seen: unknown[] = [];
        await expect(
          (async () => {
            for await (const e of out.stream ?? []) seen.push(e);
          })(),
        ).rejects.toThrow();
        // Two frames were sent before the cut; the SDK may surface the reset before parsing the second.
        expect(seen.length).toBeGreaterThanOrEqual(1);
        expect(seen.length).toBeLessThanOrEqual(2);
        expect(seen[0]).toEqual({ messageStart: { role: 'assistant' } });
      }
    } finally {
      h2.destroy();
    }
    expect(emu.stats().faults).toEqual({ cutStream: 2 });
    // Converse is outside `operations`, so it is untouched.
    await expect(single.client.send(converse())).resolves.toBeDefined();
  });

  it('streamException: the SDK throws the modelled exception from the iterator', async () => {
    emu.setFaults({ streamException: { afterFrames: 1, exceptionType: 'throttlingException', message: 'slow down' } });
    const out = await single.client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('x y z')] }));
    const consume = async (): Promise<void> => {
      for await (const e of out.stream ?? []) void e;
    };
    await expect(consume()).rejects.toMatchObject({ name: 'ThrottlingException', message: 'slow down' });

    emu.setFaults({ streamException: { afterFrames: 2, exceptionType: 'modelStreamErrorException' } });
    const inv = await single.client.send(
      new InvokeModelWithResponseStreamCommand({ modelId: MODEL, body: jsonBody({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, messages: [userMessage('q')] }) }),
    );
    const consumeInvoke = async (): Promise<void> => {
      for await (const e of inv.body ?? []) void e;
    };
    await expect(consumeInvoke()).rejects.toMatchObject({ name: 'ModelStreamErrorException' });
    expect(emu.stats().faults).toEqual({ streamException: 2 });
  });
});

describe('faults over TLS', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
  });
  afterAll(() => emu.close());

  it('reset is retried and cut streams fail, over h2 and HTTP/1.1', async () => {
    const h2 = defaultClient(emu);
    const h1 = keepAliveClient(emu);
    try {
      for (const client of [h2, h1.client]) {
        emu.setFaults({ resetConnection: { count: 1 } });
        await expect(client.send(converse('tls'))).resolves.toBeDefined();
        emu.setFaults({ cutStreamAfterFrames: 1 });
        const out = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('a b c')] }));
        await expect(
          (async () => {
            for await (const e of out.stream ?? []) void e;
          })(),
        ).rejects.toThrow();
      }
    } finally {
      h2.destroy();
      h1.destroy();
    }
    expect(emu.stats().faults).toEqual({ resetConnection: 2, cutStream: 2 });
  });
});

describe('pacing options', () => {
  it('serverDelayMs and streamChunkDelayMs slow replies without changing them', async () => {
    const emu = await startEmulator({ serverDelayMs: 5, streamChunkDelayMs: 2 });
    const client = defaultClient(emu);
    try {
      const out = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('paced words here')] }));
      let text = '';
      for await (const e of out.stream ?? []) text += e.contentBlockDelta?.delta?.text ?? '';
      expect(text).toBe('Echo: paced words here');
      expect(emu.stats().requests.errors).toBe(0);
    } finally {
      client.destroy();
      await emu.close();
    }
  });
});

describe('idleCloseMs over HTTP/2', () => {
  it('closes an idle h2 session (GOAWAY + FIN) and a concurrent-streams client reconnects', async () => {
    const { NodeHttp2Handler } = await import('@smithy/node-http-handler');
    const emu = await startEmulator();
    const client = defaultClient(emu, { requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false }) });
    try {
      await client.send(converse('one'));
      emu.setFaults({ idleCloseMs: 10 });
      await emu.waitForOpenConnections(0);
      await expect(client.send(converse('two'))).resolves.toBeDefined();
      const s = emu.stats();
      expect(s.faults['idleClose']).toBeGreaterThanOrEqual(1);
      expect(s.http2.sessions).toBe(2);
    } finally {
      client.destroy();
      await emu.close();
    }
  });
});

describe('idleCloseMs racing reuse', () => {
  it('a FIN right after each response: requests landing on closed sockets are retried, none answered twice', async () => {
    const emu = await startEmulator({ faults: { idleCloseMs: 1 } });
    const { client, destroy } = keepAliveClient(emu, { maxAttempts: 5 });
    try {
      for (let i = 0; i < 20; i += 1) {
        const out = await client.send(converse(`r${i}`));
        expect(out.output?.message?.content?.[0]?.text).toBe(`Echo: r${i}`);
        if (i % 2 === 1) await new Promise((r) => setTimeout(r, 1));
      }
      const s = emu.stats();
      expect(s.faults['idleClose']).toBeGreaterThan(0);
      expect(s.requests.byOperation['Converse']! - 20).toBeLessThanOrEqual(s.faults['idleClose']!);
    } finally {
      destroy();
      await emu.close();
    }
  });
});
