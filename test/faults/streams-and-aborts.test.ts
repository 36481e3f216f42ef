/**
 * Event streams cut mid-way and in-stream exceptions (the caller gets an error, never a hang, and the partial text
 * is not reported as a complete answer), and abort signals during a call and during a stream. Every scenario ends
 * with the sockets accounted for (emulator and pool agree, nothing in flight) and the next call on the node working.
 */
import { awsErrorFacts } from '../support/aws-error-facts';
import { converseStreamText, expectedReply, modelStreamText, UNARY_CALLS, type ComponentCall } from '../support/components';
import { abortController, abortReason } from '../support/abort-reason';
import { eventually, rejectionOf, within } from '../support/deadline';
import { settledConnections, startStack, type Stack } from '../support/stack';
import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';

const WORDS = 'one two three four five six seven eight nine ten eleven twelve';
let stack: Stack;

beforeAll(async () => {
  // A small gap between frames, so a stream is observably in progress when it is cut or aborted.
  stack = await startStack({ graphId: 'flow-streams', emulator: { streamChunkDelayMs: 15 }, pool: { drainTimeoutMs: 2_000 } });
});
afterAll(() => stack?.close());
beforeEach(() => {
  stack.emu.setFaults({});
  stack.emu.resetStats();
});

async function expectHealthyAfterwards(call: ComponentCall, node: string): Promise<void> {
  stack.emu.setFaults({});
  expect(await eventually(() => stack.pool.metrics().totals.inFlight === 0)).toBe(true);
  const counts = await settledConnections(stack);
  expect(counts.pool).toBe(counts.emulator);
  expect(await within(call.call(stack.ctx(node), stack.values(), 'next one'), 'next call')).toBe(expectedReply(call, 'next one'));
}

/** Streams `text` through the component's text_response with `stream` on, collecting the tokens it was given. */
function streamWithTokens(call: ComponentCall, node: string, text: string, signal?: AbortSignal, onToken?: (token: string, tokens: string[]) => void) {
  const tokens: string[] = [];
  const options = { onToken: (token: string) => { tokens.push(token); onToken?.(token, tokens); }, ...(signal ? { signal } : {}) };
  const values = { ...stack.values(), input_value: text, stream: true };
  const result =
    call === converseStreamText
      ? createComponent(amazonBedrockConverseDefinition, stack.ctx(node), values).text_response(options)
      : createComponent(amazonBedrockModelDefinition, stack.ctx(node), values).text_response(options);
  return { tokens, result };
}

describe.each([converseStreamText, modelStreamText].map((call) => [call.label, call] as const))('%s', (_label, call) => {
  const node = `${call.label}-stream`;

  it('a stream cut mid-way rejects (no hang) and the partial text is not returned as an answer', async () => {
    stack.emu.setFaults({ cutStreamAfterFrames: 4 });
    const { tokens, result } = streamWithTokens(call, node, WORDS);
    const error = await rejectionOf(result, 'cut stream');
    expect(error.message.length).toBeGreaterThan(0);
    expect(stack.emu.stats().faults['cutStream']).toBe(1);
    // Some tokens arrived before the cut, but never the whole answer.
    expect(tokens.join('')).not.toBe(`Echo: ${WORDS}`);
    await expectHealthyAfterwards(call, node);
  });

  it('an in-stream exception rejects (no hang) and the partial text is not returned as an answer', async () => {
    stack.emu.setFaults({ streamException: { afterFrames: 3, exceptionType: 'modelStreamErrorException', message: 'stream broke' } });
    const { tokens, result } = streamWithTokens(call, node, WORDS);
    const error = await rejectionOf(result, 'stream with an exception');
    expect(error.message).toContain('ModelStreamErrorException');
    expect(error.message).toContain('stream broke');
    expect(stack.emu.stats().faults['streamException']).toBe(1);
    expect(tokens.join('')).not.toBe(`Echo: ${WORDS}`);
    await expectHealthyAfterwards(call, node);
  });

  // In-stream exceptions have `$fault` but no `$metadata`: the name is read from either.
  it('an in-stream exception carries the AWS error name', async () => {
    stack.emu.setFaults({ streamException: { afterFrames: 3, exceptionType: 'modelStreamErrorException', message: 'stream broke' } });
    const error = await rejectionOf(streamWithTokens(call, node, WORDS).result, 'stream with an exception');
    expect(awsErrorFacts(error).awsErrorName).toBe('ModelStreamErrorException');
    await expectHealthyAfterwards(call, node);
  });

  // An error raised while a stream is read gets the request id of the stream's response.
  it('an in-stream exception carries the request id of the stream', async () => {
    stack.emu.setFaults({ streamException: { afterFrames: 3, exceptionType: 'modelStreamErrorException', message: 'stream broke' } });
    const error = await rejectionOf(streamWithTokens(call, node, WORDS).result, 'stream with an exception');
    expect(awsErrorFacts(error).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an abort during the stream rejects with an AbortError and frees the request', async () => {
    const controller = abortController();
    const { tokens, result } = streamWithTokens(call, node, WORDS, controller.signal, (_t, seen) => {
      if (seen.length === 2) controller.abort();
    });
    const error = await rejectionOf(result, 'aborted stream');
    expect(error.name).toBe('AbortError');
    expect(tokens.length).toBeLessThan(WORDS.split(' ').length);
    await expectHealthyAfterwards(call, node);
  });
});

describe.each(UNARY_CALLS.map((call) => [call.label, call] as const))('%s', (_label, call) => {
  const node = `${call.label}-abort`;

  it('an abort while the request is in flight rejects with an AbortError, no retry, and frees the socket', async () => {
    stack.emu.setFaults({ firstByteDelayMs: 60_000 });
    const controller = abortController();
    const pending = call.call(stack.ctx(node), stack.values(), 'to be aborted', controller.signal);
    expect(await eventually(() => stack.emu.stats().requests.byOperation[call.operation] === 1)).toBe(true);
    controller.abort();
    const error = await rejectionOf(pending, 'aborted call');
    expect(error.name).toBe('AbortError');
    expect(stack.emu.stats().requests.byOperation[call.operation]).toBe(1);
    await expectHealthyAfterwards(call, node);
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await rejectionOf(call.call(stack.ctx(node), stack.values(), 'never sent', AbortSignal.abort(abortReason())), 'pre-aborted call');
    expect(error.name).toBe('AbortError');
    expect(stack.emu.stats().requests.total).toBe(0);
    await expectHealthyAfterwards(call, node);
  });
});
