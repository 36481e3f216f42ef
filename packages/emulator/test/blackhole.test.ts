import http2 from 'node:http2';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';
import { pingAcked, sendRawConverse } from './support/http2-probes';
import { waitFor } from './support/wait-for';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const converse = (text: string): ConverseCommand => new ConverseCommand({ modelId: MODEL, messages: [userMessage(text)] });

describe.each([false, true])('blackhole fault (tls=%s)', (tls) => {
  it('reads the request, then never answers and never closes; the next call succeeds on a new connection', async () => {
    const emu = await startEmulator({ tls, faults: { blackhole: { count: 1 } } });
    // A 1 s socket-silence bound and one attempt: the blackholed call surfaces as a timeout, nothing is re-sent.
    const { client, destroy } = keepAliveClient(emu, { maxAttempts: 1 }, { requestTimeout: 1000, throwOnRequestTimeout: true });
    try {
      await expect(client.send(converse('into the void'))).rejects.toMatchObject({ name: 'TimeoutError' });
      let stats = emu.stats();
      expect(stats.faults).toEqual({ blackhole: 1 });
      expect(stats.requests.byOperation).toEqual({ Converse: 1 });
      // The emulator never closed it: the connection is still open on its side, its request still in flight.
      expect(stats.connections.open).toBe(1);
      expect(stats.requests.inFlight).toBe(1);

      const out = await client.send(converse('after the void'));
      expect(out.output?.message?.content?.[0]?.text).toBe('Echo: after the void');
      stats = emu.stats();
      expect(stats.connections.accepted).toBe(2);
      expect(stats.requests.byOperation).toEqual({ Converse: 2 });
      expect(stats.connections.requestsPerConnection).toEqual([1, 1]);
    } finally {
      destroy();
      await emu.close();
    }
  });

  it('sends nothing at all on the connection, not even an HTTP/2 PING ack, until close() ends it', async () => {
    // Over TLS, Node's TLS layer keeps reading a socket the emulator stopped, so the proxy silences the flow.
    const emu = await startEmulator({ tls, proxy: tls, auth: 'none', faults: { blackhole: { count: 1 } } });
    const session = http2.connect(emu.url, emu.ca ? { ca: emu.ca } : {});
    session.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => session.once('close', () => resolve()));
    try {
      const { answered } = sendRawConverse(session, MODEL, 'hold');
      await waitFor(() => emu.stats().faults['blackhole'] === 1);
      expect(emu.stats().faults).toEqual({ blackhole: 1 });
      // A healthy connection acks a PING at once; a blackholed one never does (each gets 1 s).
      expect(await pingAcked(session, 1000)).toBe(false);
      expect(answered()).toBe(false);
      expect(session.closed || session.destroyed).toBe(false);

      await emu.close();
      await closed;
      expect(answered()).toBe(false);
      await emu.waitForOpenConnections(0);
    } finally {
      session.destroy();
      await emu.close();
    }
  });
});

it('blackhole everyNth and operations pick which requests go silent', async () => {
  const emu = await startEmulator({ faults: { blackhole: { everyNth: 2 }, operations: ['Converse'] } });
  const { client, destroy } = keepAliveClient(emu, { maxAttempts: 1 }, { requestTimeout: 1000, throwOnRequestTimeout: true });
  try {
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i += 1) outcomes.push(await client.send(converse(`n${i}`)).then(() => 'ok', (e: Error) => e.name));
    expect(outcomes).toEqual(['ok', 'TimeoutError', 'ok', 'TimeoutError']);
    expect(emu.stats().faults).toEqual({ blackhole: 2 });
    // Each blackholed call took its connection with it: the third call opened the second connection.
    expect(emu.stats().connections.accepted).toBe(2);
  } finally {
    destroy();
    await emu.close();
  }
});
