import http2 from 'node:http2';
import {
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';
import { pingAcked, sendRawConverse } from './support/http2-probes';
import { waitFor } from './support/wait-for';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const converse = (text: string): ConverseCommand => new ConverseCommand({ modelId: MODEL, messages: [userMessage(text)] });

/**
 * The pace is asserted through what a client's socket-silence timeout sees (ratios of 3x or more, never a
 * measured duration): a paced stream keeps sending, so a silence bound shorter than the answer still
 * lets it finish; a paced non-streaming answer is silent until it is complete.
 */
describe('generationPace: a slow answer is a live answer', () => {
  let emu: RunningEmulator;
  // Socket-silence bound of 2 s (NodeHttpHandler's requestTimeout), one attempt: a timeout surfaces, nothing is re-sent.
  let bounded: ReturnType<typeof keepAliveClient>;
  let patient: ReturnType<typeof keepAliveClient>;
  beforeAll(async () => {
    emu = await startEmulator();
    bounded = keepAliveClient(emu, { maxAttempts: 1 }, { requestTimeout: 2000, throwOnRequestTimeout: true });
    patient = keepAliveClient(emu, { maxAttempts: 1 });
  });
  afterAll(async () => {
    bounded.destroy();
    patient.destroy();
    await emu.close();
  });
  beforeEach(() => {
    emu.setFaults({});
    emu.resetStats();
  });

  it('a streamed answer keeps sending events at the pace: a silence bound shorter than the answer does not cut it', async () => {
    // "Echo: a b c d e f g h" streams 1 + 9 deltas + 3 frames; 6 s over 13 frames is a frame every 0.5 s.
    emu.setFaults({ generationPace: { answerMs: 6000 } });
    const out = await bounded.client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('a b c d e f g h')] }));
    let text = '';
    let events = 0;
    for await (const event of out.stream ?? []) {
      events += 1;
      text += event.contentBlockDelta?.delta?.text ?? '';
    }
    expect(text).toBe('Echo: a b c d e f g h');
    expect(events).toBe(13);
    const stats = emu.stats();
    expect(stats.requests.byOperation).toEqual({ ConverseStream: 1 });
    expect(stats.faults).toEqual({ generationPace: 1 });
  });

  it('a non-streaming answer is silent until it is complete: the same bound times it out, and it was received once', async () => {
    emu.setFaults({ generationPace: { answerMs: 6000 } });
    await expect(bounded.client.send(converse('slow'))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(emu.stats().requests.byOperation).toEqual({ Converse: 1 });
  });

  it('a client that waits gets the paced non-streaming answer, with one request on one connection', async () => {
    emu.setFaults({ generationPace: { answerMs: 1500 } });
    const out = await patient.client.send(converse('worth the wait'));
    expect(out.output?.message?.content?.[0]?.text).toBe('Echo: worth the wait');
    const stats = emu.stats();
    expect(stats.requests.byOperation).toEqual({ Converse: 1 });
    expect(stats.faults).toEqual({ generationPace: 1 });
  });

  it('tokensPerSecond paces InvokeModel answers by their output tokens and streams chunk by chunk', async () => {
    // "Echo: one two three four five six" is 9 output tokens: 4.5 s at 2 tokens/s.
    emu.setFaults({ generationPace: { tokensPerSecond: 2 } });
    const body = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: 'one two three four five six' }] });
    await expect(bounded.client.send(new InvokeModelCommand({ modelId: MODEL, body }))).rejects.toMatchObject({ name: 'TimeoutError' });
    const out = await bounded.client.send(new InvokeModelWithResponseStreamCommand({ modelId: MODEL, body }));
    let chunks = 0;
    let text = '';
    for await (const event of out.body ?? []) {
      chunks += 1;
      const chunk = JSON.parse(Buffer.from(event.chunk?.bytes ?? new Uint8Array()).toString('utf8')) as { delta?: { text?: string } };
      text += chunk.delta?.text ?? '';
    }
    expect(text).toBe('Echo: one two three four five six');
    // message_start, content_block_start, 7 word deltas, content_block_stop, message_delta, message_stop.
    expect(chunks).toBe(12);
    expect(emu.stats().faults).toEqual({ generationPace: 2 });
  });

  it('embeddings are not generated, so not paced; operations limits the pace', async () => {
    emu.setFaults({ generationPace: { answerMs: 60_000 } });
    const embed = await bounded.client.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: JSON.stringify({ inputText: 'x' }) }));
    expect(embed.$metadata.httpStatusCode).toBe(200);
    emu.setFaults({ generationPace: { answerMs: 60_000 }, operations: ['ConverseStream'] });
    await expect(bounded.client.send(converse('not paced'))).resolves.toBeDefined();
    expect(emu.stats().faults).toEqual({});
  });

  it('the connection of a paced answer stays alive: it answers HTTP/2 PINGs while the answer is generated', async () => {
    const h2 = await startEmulator({ auth: 'none', faults: { generationPace: { answerMs: 60_000 } } });
    const session = http2.connect(h2.url);
    session.on('error', () => undefined);
    try {
      const { answered } = sendRawConverse(session, MODEL, 'ping me');
      await waitFor(() => h2.stats().faults['generationPace'] === 1);
      const acks = await pings(session, 3);
      expect(acks).toBe(3);
      expect(answered()).toBe(false);
      expect(h2.stats().requests.inFlight).toBe(1);
    } finally {
      session.destroy();
      await h2.close();
    }
  });
});

/** Sends `n` HTTP/2 PINGs one after another and resolves with how many were acknowledged (2 s each). */
async function pings(session: http2.ClientHttp2Session, n: number): Promise<number> {
  let acks = 0;
  for (let i = 0; i < n; i += 1) if (await pingAcked(session, 2000)) acks += 1;
  return acks;
}
