/**
 * A server that never answers: with a small configured wait (`http.requestTimeoutMs`) every component call must fail
 * with a timeout, free its socket, and leave the node working. Since issue 22 a generation (Converse, InvokeModel on a
 * chat model, their streams) whose request was sent is not sent again (it may have been billed): it fails once with
 * `RequestMayHaveBeenBilledError`; an embedding is still retried up to the configured attempts. Bounded by the hang
 * deadline, so a missing timeout fails the test instead of stalling jest.
 */
import { awsErrorFacts } from '../support/aws-error-facts';
import { converseStreamText, converseText, embeddingsQuery, expectedReply, modelStreamText, UNARY_CALLS } from '../support/components';
import { rejectionOf, within } from '../support/deadline';
import { settledConnections, startStack, type Stack } from '../support/stack';

const REQUEST_TIMEOUT_MS = 200;
const MAX_ATTEMPTS = 2;
let stack: Stack;
const controllers: AbortController[] = [];

beforeAll(async () => {
  stack = await startStack({
    graphId: 'flow-timeouts',
    // drainTimeoutMs bounds close() should a hung call survive its abort.
    pool: { drainTimeoutMs: 1_000 },
    defaults: { http: { requestTimeoutMs: REQUEST_TIMEOUT_MS }, retry: { mode: 'standard', maxAttempts: MAX_ATTEMPTS } },
  });
});
afterAll(() => stack?.close());
afterEach(() => {
  // A hung call must not outlive its test.
  for (const controller of controllers.splice(0)) controller.abort();
  stack.emu.setFaults({});
});

// (Found failing in this session: the pool's NodeHttpHandler lacked `throwOnRequestTimeout`, so requestTimeout only
// logged a warning and the call hung; fixed in bedrock-pool's create-http1-handler.ts.)
it('the wait runs out: a generation fails once saying it may be billed, an embedding after maxAttempts, sockets are freed, the node works again', async () => {
  for (const call of UNARY_CALLS) {
    expect(await within(call.call(stack.ctx(`${call.label}-timeout`), stack.values(), 'warm'), 'warm-up call')).toBe(expectedReply(call, 'warm'));
  }
  stack.emu.resetStats();
  stack.emu.setFaults({ firstByteDelayMs: Infinity });
  // Deadline: 10x the read timeout per attempt; the three calls run side by side.
  const errors = await Promise.all(
    UNARY_CALLS.map((call) => {
      const controller = new AbortController();
      controllers.push(controller);
      const pending = call.call(stack.ctx(`${call.label}-timeout`), stack.values(), 'never answered', controller.signal);
      return rejectionOf(pending, `${call.label} to a silent server`, 10 * REQUEST_TIMEOUT_MS * MAX_ATTEMPTS);
    }),
  );
  UNARY_CALLS.forEach((call, index) => {
    const error = errors[index]!;
    if (call === embeddingsQuery) {
      expect(awsErrorFacts(error).awsErrorName).toMatch(/TimeoutError|ETIMEDOUT/);
      expect(error.message).toMatch(/timeout|ETIMEDOUT/i);
    } else {
      expect(error.message).toMatch(/got no byte for 200 ms after the request was sent\. The model may have processed the request and it may be billed, so it was not sent again/);
      expect(error.message).toContain('http.requestTimeoutMs');
    }
  });
  const byOperation = stack.emu.stats().requests.byOperation;
  expect(byOperation.Converse).toBe(1);
  // The legacy model (one generation) and the embedding (MAX_ATTEMPTS attempts) share InvokeModel.
  expect(byOperation.InvokeModel).toBe(1 + MAX_ATTEMPTS);
  stack.emu.setFaults({});
  const counts = await settledConnections(stack);
  expect(counts.pool).toBe(counts.emulator);
  expect(stack.pool.metrics().totals.inFlight).toBe(0);
  for (const call of UNARY_CALLS) {
    expect(await within(call.call(stack.ctx(`${call.label}-timeout`), stack.values(), 'next'), 'next call')).toBe(expectedReply(call, 'next'));
  }
});

it('a stream that goes silent mid-way times out instead of hanging (once: it was answering), and the node works again', async () => {
  // A second emulator whose frames are 3x the read timeout apart: the response starts, then goes quiet. (Kept short:
  // the emulator's frame-delay timer is not cancelled by close(), so it outlives the test by up to one gap.)
  const slow = await startStack({
    graphId: 'flow-timeouts-stream',
    emulator: { streamChunkDelayMs: 3 * REQUEST_TIMEOUT_MS },
    pool: { drainTimeoutMs: 1_000 },
    defaults: { http: { requestTimeoutMs: REQUEST_TIMEOUT_MS }, retry: { mode: 'standard', maxAttempts: MAX_ATTEMPTS } },
  });
  try {
    for (const call of [converseStreamText, modelStreamText]) {
      const controller = new AbortController();
      controllers.push(controller);
      const error = await rejectionOf(call.call(slow.ctx(`${call.label}-silent`), slow.values(), 'one two three four', controller.signal), `${call.label} on a silent stream`, 20 * REQUEST_TIMEOUT_MS);
      expect(error.message).toMatch(/timeout|timed out|ETIMEDOUT/i);
      expect(error.message).toContain('http.requestTimeoutMs');
      expect(error.message).not.toContain('Echo: one two three four');
    }
    expect(slow.emu.stats().requests.byOperation.ConverseStream).toBe(1);
    expect(slow.emu.stats().requests.byOperation.InvokeModelWithResponseStream).toBe(1);
    const counts = await settledConnections(slow);
    expect(counts.pool).toBe(counts.emulator);
    expect(slow.pool.metrics().totals.inFlight).toBe(0);
    expect(await within(converseText.call(slow.ctx('unary-after-silence'), slow.values(), 'quick'), 'unary call')).toBe('Echo: quick');
  } finally {
    await slow.close();
  }
});
