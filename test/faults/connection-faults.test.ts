/**
 * Connection faults through every component: a reset mid-request, a keep-alive socket the server closes just as the
 * client reuses it, and the emulator restarted on the same port. Nothing hangs, the emulator and the pool agree on open
 * connections, and the next call on the node works. A stale keep-alive socket and a refused connection are retried on
 * a fresh socket; a reset after the server read the request is retried for an embedding only: a generation may have
 * been processed and billed, so it fails once and says so (issue 22).
 */
import { startEmulator } from '@bedrock-flow/emulator';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { awsErrorFacts } from '../support/aws-error-facts';
import { converseModel, converseText, embeddingsQuery, expectedReply, UNARY_CALLS } from '../support/components';
import { rejectionOf, within } from '../support/deadline';
import { settledConnections, startStack, type Stack } from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ graphId: 'flow-connection-faults' });
});
afterAll(() => stack?.close());
beforeEach(() => {
  stack.emu.setFaults({});
  stack.emu.resetStats();
});

// The three components' calls, plus the LangChain chat model build_model() hands to chains.
describe.each([...UNARY_CALLS, converseModel].map((call) => [call.label, call] as const))('%s', (_label, call) => {
  const node = `${call.label}-conn`;

  const generation = call !== embeddingsQuery;
  const outcome = generation ? 'fails once saying it may have been billed' : 'is retried on a fresh socket';
  it(`a connection reset after the server read the request ${outcome}, and the next call works`, async () => {
    // Warm the node so the reset hits a reused keep-alive socket.
    expect(await within(call.call(stack.ctx(node), stack.values(), 'warm'), 'warm-up call')).toBe(expectedReply(call, 'warm'));
    stack.emu.resetStats();
    stack.emu.setFaults({ resetConnection: { count: 1 } });
    if (generation) {
      const error = await rejectionOf(call.call(stack.ctx(node), stack.values(), 'after reset'), 'call during reset');
      expect(error.message).toMatch(/lost its connection after the request was sent \(ECONNRESET: .*\)\. The model may have processed the request and it may be billed, so it was not sent again/);
    } else {
      expect(await within(call.call(stack.ctx(node), stack.values(), 'after reset'), 'call during reset')).toBe(expectedReply(call, 'after reset'));
    }
    const stats = stack.emu.stats();
    expect(stats.faults['resetConnection']).toBe(1);
    // A generation: the one request the server read. An embedding: the reset attempt + one retry, no duplicate.
    expect(stats.requests.byOperation[call.operation]).toBe(generation ? 1 : 2);
    expect(stats.connections.accepted).toBe(generation ? 0 : 1); // the retry opened exactly one new socket
    const counts = await settledConnections(stack);
    expect(counts.pool).toBe(counts.emulator);
    expect(await within(call.call(stack.ctx(node), stack.values(), 'next'), 'next call')).toBe(expectedReply(call, 'next'));
  });

  it('survives the server closing idle keep-alive sockets just as they are reused', async () => {
    // idleCloseMs 1: the server sends FIN right after each response, racing the client's next request on that socket.
    stack.emu.setFaults({ idleCloseMs: 1 });
    const replies: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      replies.push(await within(call.call(stack.ctx(node), stack.values(), `idle ${i}`), `idle-race call ${i}`));
      // Alternate back-to-back reuse with a pause of about the idle time, to land on both sides of the FIN.
      if (i % 2 === 1) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(replies).toEqual(Array.from({ length: 20 }, (_, i) => expectedReply(call, `idle ${i}`)));
    const stats = stack.emu.stats();
    expect(stats.faults['idleClose']).toBeGreaterThan(0);
    // The race really happened: some requests went out on a socket the server had just closed, and were retried.
    expect(stats.requests.byOperation[call.operation]).toBeGreaterThan(20);
    // No answered request is repeated: every request beyond 20 was a retry of a socket the server had closed.
    expect(stats.requests.byOperation[call.operation]! - 20).toBeLessThanOrEqual(stats.faults['idleClose']!);
    stack.emu.setFaults({});
    const counts = await settledConnections(stack);
    expect(counts.pool).toBe(counts.emulator);
    expect(await within(call.call(stack.ctx(node), stack.values(), 'next'), 'next call')).toBe(expectedReply(call, 'next'));
  });
});

describe('emulator restarted on the same port', () => {
  it('fails clearly while the server is down and recovers on the same node once it is back, without a new pool', async () => {
    // The restarted emulator has a new self-signed certificate: this pool skips verification (loopback only).
    const first = await startEmulator({ tls: true });
    const port = first.port;
    const pool = new BedrockPool({ openTelemetry: false, defaults: { tls: { rejectUnauthorized: false }, retry: { maxAttempts: 2 } } });
    let second: Awaited<ReturnType<typeof startEmulator>> | undefined;
    const ctx = { graphId: 'flow-restart', nodeId: 'AmazonBedrockConverseModel-Restart', pool, env: false as const };
    const values = stack.values({ endpoint_url: first.url });
    try {
      for (const call of UNARY_CALLS) {
        expect(await within(call.call({ ...ctx, nodeId: call.label }, values, 'before'), 'call before restart')).toBe(expectedReply(call, 'before'));
      }
      expect(pool.metrics().totals.connectionsOpen).toBeGreaterThan(0);
      await first.close();

      // Down: a clear network error naming the cause, not a hang.
      const down = await rejectionOf(converseText.call({ ...ctx, nodeId: converseText.label }, values, 'down'), 'call while down');
      // Under jest, Node's socket errors come from another realm, so the SDK's `instanceof Error` fails and it wraps
      // them ("AWS SDK error wrapper for Error: connect ECONNREFUSED …"): the code survives in the message only.
      expect(awsErrorFacts(down).awsErrorName).toEqual(expect.any(String));
      expect(down.message).toContain('ECONNREFUSED');
      expect(await within(waitForPoolConnections(pool, 0), 'stale sockets dropped')).toBe(0);

      second = await startEmulator({ tls: true, port });
      expect(second.port).toBe(port);
      for (const call of UNARY_CALLS) {
        expect(await within(call.call({ ...ctx, nodeId: call.label }, values, 'after'), 'call after restart')).toBe(expectedReply(call, 'after'));
      }
      const stats = second.stats();
      expect(stats.requests.total).toBe(UNARY_CALLS.length);
      expect(stats.requests.errors).toBe(0);
      const counts = await settledConnections({ emu: second, pool });
      expect(counts.pool).toBe(counts.emulator);
    } finally {
      await pool.close();
      await first.close();
      await second?.close();
    }
  });
});

async function waitForPoolConnections(pool: BedrockPool, wanted: number): Promise<number> {
  for (let i = 0; i < 300 && pool.metrics().totals.connectionsOpen !== wanted; i += 1) await new Promise((r) => setTimeout(r, 10));
  return pool.metrics().totals.connectionsOpen;
}

describe('emulator restarted on the same port, http2 transport (pool option)', () => {
  // Was a bug: `connectionsOpen` went down on the TLS socket's 'close', which never came for a session whose server
  // vanished mid-request; h2 connections are now counted by session lifetime (bedrock-pool observe-http2-session.ts).
  it('the pool and the emulator still agree on open connections after the server vanished mid-request', async () => {
    const first = await startEmulator({ tls: true });
    const pool = new BedrockPool({ openTelemetry: false, defaults: { transport: 'http2', tls: { rejectUnauthorized: false }, retry: { maxAttempts: 2 } } });
    let second: Awaited<ReturnType<typeof startEmulator>> | undefined;
    const ctx = { graphId: 'flow-restart-h2', nodeId: 'AmazonBedrockConverseModel-RestartH2', pool, env: false as const };
    const values = stack.values({ endpoint_url: first.url });
    try {
      expect(await within(converseText.call(ctx, values, 'before'), 'call before restart')).toBe('Echo: before');
      await first.close();
      // Immediately, before the client noticed: the request goes out on the dying session.
      await rejectionOf(converseText.call(ctx, values, 'down'), 'call while down');
      second = await startEmulator({ tls: true, port: first.port });
      expect(await within(converseText.call(ctx, values, 'after'), 'call after restart')).toBe('Echo: after');
      const counts = await settledConnections({ emu: second, pool }, 1_000);
      expect(counts.pool).toBe(counts.emulator);
    } finally {
      await pool.destroy();
      await first.close();
      await second?.close();
    }
  });
});
