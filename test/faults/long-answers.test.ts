/**
 * Issue 22 through the three components, over real loopback TLS against the emulator: slow but live answers complete
 * once, a node's Timeout input bounds the wait (the whole answer without streaming, the longest silence with it), a
 * blackholed call fails within its bound and the node's next call succeeds on a new connection, and an idle connection
 * a NAT drops silently costs the next call nothing (the pool retires idle sockets first) or at most its bound (a drop
 * that wins the race). Times are scaled down (a NAT's 350 s to 0.6 s, the pool's 180 s to 0.25 s); assertions count
 * requests and connections. The real-time case (an answer after 61 s, default configuration) is in bedrock-pool's
 * `long-answers.int.test.ts`.
 */
import { converseStreamText, converseText, embeddingsQuery, expectedReply, modelStreamText, modelText, UNARY_CALLS } from '../support/components';
import { rejectionOf, within } from '../support/deadline';
import { startStack, type Stack } from '../support/stack';

const BILLED = /The model may have processed the request and it may be billed, so it was not sent again/;
const GENERATIONS = [converseText, modelText];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('slow but live answers', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ graphId: 'flow-long-answers' });
  });
  afterAll(() => stack?.close());
  afterEach(() => stack.emu.setFaults({}));

  it('a generation paced to 1.2 s answers once within a 5 s node timeout, streamed or not', async () => {
    stack.emu.setFaults({ generationPace: { answerMs: 1_200 } });
    stack.emu.resetStats();
    for (const call of [converseText, modelText, converseStreamText, modelStreamText]) {
      expect(await within(call.call(stack.ctx(`${call.label}-paced`), stack.values({ timeout: 5 }), 'slow one'), call.label)).toBe('Echo: slow one');
    }
    const byOperation = stack.emu.stats().requests.byOperation;
    expect(byOperation).toMatchObject({ Converse: 1, InvokeModel: 1, ConverseStream: 1, InvokeModelWithResponseStream: 1 });
  });

  it('the same 1 s timeout fails a 3 s non-streaming answer once, but not a 3 s stream whose parts arrive every 0.5 s', async () => {
    stack.emu.setFaults({ generationPace: { answerMs: 3_000 } });
    stack.emu.resetStats();
    for (const call of GENERATIONS) {
      const error = await rejectionOf(call.call(stack.ctx(`${call.label}-1s`), stack.values({ timeout: 1 }), 'too slow'), call.label);
      expect(error.message).toMatch(BILLED);
      expect(error.message).toContain('1000 ms');
    }
    // "Echo: too slow" is 6 frames over 3 s: no silence reaches 1 s.
    for (const call of [converseStreamText, modelStreamText]) {
      expect(await within(call.call(stack.ctx(`${call.label}-1s`), stack.values({ timeout: 1 }), 'too slow'), call.label)).toBe('Echo: too slow');
    }
    expect(stack.emu.stats().requests.byOperation).toMatchObject({ Converse: 1, InvokeModel: 1, ConverseStream: 1, InvokeModelWithResponseStream: 1 });
  });
});

describe('a blackholed call', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ graphId: 'flow-blackhole', pool: { drainTimeoutMs: 500 } });
  });
  afterAll(() => stack?.close());
  afterEach(() => stack.emu.setFaults({}));

  it.each(UNARY_CALLS.map((call) => [call.label, call] as const))('%s fails within its 0.5 s bound (a generation once, an embedding is retried), and the next call succeeds on a new connection', async (_label, call) => {
    const node = `${call.label}-blackhole`;
    const values = stack.values({ timeout: 0.5 });
    expect(await within(call.call(stack.ctx(node), values, 'warm'), 'warm-up call')).toBe(expectedReply(call, 'warm'));
    stack.emu.resetStats();
    stack.emu.setFaults({ blackhole: { count: 1 } });
    if (call === embeddingsQuery) {
      // Deterministic and cheap: the retry goes out on a new connection and succeeds.
      expect(await within(call.call(stack.ctx(node), values, 'held'), 'blackholed embedding')).toBe(expectedReply(call, 'held'));
      expect(stack.emu.stats().requests.byOperation.InvokeModel).toBe(2);
    } else {
      const error = await rejectionOf(call.call(stack.ctx(node), values, 'held'), 'blackholed generation', 5_000);
      expect(error.message).toMatch(BILLED);
      expect(error.message).toContain('got no byte for 500 ms');
      expect(stack.emu.stats().requests.byOperation[call.operation]).toBe(1);
    }
    expect(stack.emu.stats().faults.blackhole).toBe(1);
    const accepted = stack.emu.stats().connections.accepted;
    expect(await within(call.call(stack.ctx(node), values, 'next'), 'next call')).toBe(expectedReply(call, 'next'));
    // The silent connection was given up: the next call (or the embedding's retry) runs on a new one.
    expect(stack.emu.stats().connections.accepted).toBe(call === embeddingsQuery ? accepted : accepted + 1);
  });
});

describe('an idle connection a NAT drops silently', () => {
  it('costs the next call nothing: the pool retires idle sockets before the NAT drops them (scaled: pool 0.25 s, NAT 0.6 s)', async () => {
    const stack = await startStack({ graphId: 'flow-nat', emulator: { natIdleTimeoutMs: 600 }, defaults: { http: { idleSocketTimeoutMs: 250 } } });
    try {
      for (const call of UNARY_CALLS) {
        const node = `${call.label}-nat`;
        expect(await within(call.call(stack.ctx(node), stack.values(), 'before'), 'call before the idle gap')).toBe(expectedReply(call, 'before'));
        const accepted = stack.emu.stats().connections.accepted;
        await sleep(1_000);
        expect(await within(call.call(stack.ctx(node), stack.values(), 'after'), 'call after the idle gap', 5_000)).toBe(expectedReply(call, 'after'));
        expect(stack.emu.stats().connections.accepted).toBe(accepted + 1);
      }
      // No connection of the pool's was left for the NAT to drop, and no call was repeated.
      expect(stack.emu.stats().faults.silentDrop ?? 0).toBe(0);
      expect(stack.emu.stats().requests.byOperation).toMatchObject({ Converse: 2, InvokeModel: 4 });
    } finally {
      await stack.close();
    }
  });

  it.each(['http1', 'http2'] as const)('retiring idle connections never closes one in use (%s): with a 0.25 s idle timeout, answers paced to 1.5 s come with 1 request each and no retry', async (transport) => {
    const stack = await startStack({ graphId: `flow-idle-in-use-${transport}`, defaults: { transport, http: { idleSocketTimeoutMs: 250 } } });
    try {
      stack.emu.setFaults({ generationPace: { answerMs: 1_500 } });
      for (const call of [converseText, modelText, converseStreamText]) {
        expect(await within(call.call(stack.ctx(`${call.label}-in-use-${transport}`), stack.values(), 'in use'), call.label)).toBe('Echo: in use');
      }
      expect(stack.emu.stats().requests.byOperation).toMatchObject({ Converse: 1, InvokeModel: 1, ConverseStream: 1 });
      expect(stack.pool.metrics().totals.retries).toBe(0);
    } finally {
      await stack.close();
    }
  });

  it('a drop that comes first costs the next call at most its bound, and the call after succeeds on a new connection', async () => {
    const stack = await startStack({ graphId: 'flow-nat-race', emulator: { proxy: true }, pool: { drainTimeoutMs: 500 } });
    try {
      for (const call of UNARY_CALLS) {
        const node = `${call.label}-dropped`;
        const values = stack.values({ timeout: 0.5 });
        expect(await within(call.call(stack.ctx(node), values, 'before'), 'call before the drop')).toBe(expectedReply(call, 'before'));
        const requests = stack.emu.stats().requests.total;
        expect(stack.emu.dropIdleConnections()).toBeGreaterThan(0);
        if (call === embeddingsQuery) {
          // The first attempt is lost in the dropped connection; the retry takes a new one.
          expect(await within(call.call(stack.ctx(node), values, 'lost'), 'embedding on a dropped connection', 5_000)).toBe(expectedReply(call, 'lost'));
          expect(stack.emu.stats().requests.total).toBe(requests + 1);
        } else {
          // The pool cannot tell a dropped request from one the model is working on: it fails once, within the bound.
          const error = await rejectionOf(call.call(stack.ctx(node), values, 'lost'), 'generation on a dropped connection', 5_000);
          expect(error.message).toMatch(BILLED);
          expect(stack.emu.stats().requests.total).toBe(requests);
        }
        expect(await within(call.call(stack.ctx(node), values, 'next'), 'call after the drop')).toBe(expectedReply(call, 'next'));
      }
      expect(stack.emu.stats().faults.silentDrop).toBeGreaterThanOrEqual(UNARY_CALLS.length);
    } finally {
      await stack.close();
    }
  });
});
