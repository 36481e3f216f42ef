import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { defaultClient, keepAliveClient, userMessage } from './support/clients';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const converse = (text: string) => new ConverseCommand({ modelId: MODEL, messages: [userMessage(text)] });

describe.each([false, true])('requests.inFlight ends with the response (tls=%s)', (tls) => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ tls });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.resetStats());

  it('HTTP/1.1: inFlight is 0 as soon as client.send() resolves, and a reset after a burst starts at 0', async () => {
    const { client, destroy } = keepAliveClient(emu);
    try {
      for (let i = 0; i < 5; i += 1) {
        await client.send(converse(`h1 ${i}`));
        expect(emu.stats().requests.inFlight).toBe(0);
      }
      await burst((text) => client.send(converse(text)));
      emu.resetStats();
      expect(emu.stats().requests).toMatchObject({ inFlight: 0, maxInFlight: 0, total: 0 });
      expect(emu.stats().http1.requests).toBe(0);
    } finally {
      destroy();
    }
  });

  it('HTTP/2: inFlight is 0 as soon as client.send() resolves, and a reset after a burst starts at 0', async () => {
    // One session with concurrent streams, so a burst's responses share a connection.
    const client = defaultClient(emu, { requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false, ...(emu.ca ? { nodeHttp2ConnectOptions: { ca: emu.ca } } : {}) }) });
    try {
      for (let i = 0; i < 5; i += 1) {
        await client.send(converse(`h2 ${i}`));
        expect(emu.stats().requests.inFlight).toBe(0);
      }
      await burst((text) => client.send(converse(text)));
      expect(emu.stats().http2.sessions).toBe(1);
      emu.resetStats();
      expect(emu.stats().requests).toMatchObject({ inFlight: 0, maxInFlight: 0, total: 0 });
    } finally {
      client.destroy();
    }
  });

  /** 40 concurrent calls held until they are all in flight, so their answers are written at once. */
  async function burst(send: (text: string) => Promise<unknown>): Promise<void> {
    emu.setFaults({ firstByteDelayMs: 20 });
    try {
      for (let round = 0; round < 3; round += 1) {
        await Promise.all(Array.from({ length: 40 }, (_, i) => send(`burst ${round}.${i}`)));
        expect(emu.stats().requests.inFlight).toBe(0);
      }
      expect(emu.stats().requests.maxInFlight).toBe(40);
    } finally {
      emu.setFaults({});
    }
  }

  it('a request whose client goes away before the answer is still taken out of inFlight', async () => {
    emu.setFaults({ firstByteDelayMs: Infinity });
    const client = defaultClient(emu);
    const abort = new AbortController();
    try {
      const pending = client.send(converse('never answered'), { abortSignal: abort.signal });
      await waitUntil(() => emu.stats().requests.inFlight === 1);
      abort.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      await waitUntil(() => emu.stats().requests.inFlight === 0);
      expect(emu.stats().requests).toMatchObject({ inFlight: 0, maxInFlight: 1, total: 1 });
    } finally {
      emu.setFaults({});
      client.destroy();
    }
  });
});

/** Polls `condition` on the event loop (the server sees a client abort asynchronously); bounded by 2 s. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
