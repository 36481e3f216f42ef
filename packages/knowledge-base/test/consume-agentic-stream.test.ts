/**
 * consumeAgenticStream on hand-made event sequences, for the endings the emulator cannot produce over the wire (a
 * stream that ends cleanly before its result event, an exception member the SDK handed over as an event). The wire
 * behaviour (in-stream exceptions, cuts, silence) is tested against the emulator in agentic-retrieval.int.test.ts.
 */
import type { AgenticRetrieveStreamResponseOutput } from '@aws-sdk/client-bedrock-agent-runtime';
import { consumeAgenticStream } from '../src';

async function* events(...items: unknown[]): AsyncIterable<AgenticRetrieveStreamResponseOutput> {
  for (const item of items) yield item as AgenticRetrieveStreamResponseOutput;
}

const trace = (step: string) => ({ traceEvent: { id: step, timestamp: 1, attributes: { step, status: 'SUCCEEDED', message: `${step} done` } } });
const item = (text: string, uri: string) => ({ content: { text, mimeType: 'text/plain' }, metadata: { 'x-amz-bedrock-kb-source-uri': uri }, sourceRetriever: { identifier: 'KB1' } });

describe('consumeAgenticStream', () => {
  test('a stream that ends before its result event is an error, never a partial answer', async () => {
    await expect(consumeAgenticStream(events(trace('Planning'), { responseEvent: { text: 'Half an ' } }))).rejects.toThrow(
      'the event stream ended before its result event (the answer is incomplete)',
    );
    await expect(consumeAgenticStream(undefined)).rejects.toThrow('the response has no event stream');
  });

  test('an exception member delivered as an event is thrown with its name and message', async () => {
    const error = await consumeAgenticStream(events(trace('Planning'), { throttlingException: { message: 'Slow down.' } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ThrottlingException', message: 'Slow down.' });
  });

  test('citations index into their own result event; steps, failures and unknown events', async () => {
    const outcome = await consumeAgenticStream(
      events(
        trace('Planning'),
        { traceEvent: { id: 'r', timestamp: 2, attributes: { step: 'Retrieval', status: 'FAILED', message: 'one source failed', failures: [{ message: 'KB2 timed out' }] } } },
        { $unknown: ['newEvent', {}] },
        { result: { results: [item('first', 's3://a')], nextToken: 'more' } },
        { result: { results: [item('second', 's3://b')], generatedResponse: { answer: 'second it is', citations: [{ startIndex: 0, endIndex: 6, references: [{ resultIndex: 0 }, { resultIndex: 7 }] }] } } },
      ),
    );
    expect(outcome.results.map((r) => [r.text, r.source, r.sourceRetriever])).toEqual([
      ['first', 's3://a', 'KB1'],
      ['second', 's3://b', 'KB1'],
    ]);
    // resultIndex 0 of the second event is the second result overall; an index with no result is left out.
    expect(outcome.answer).toEqual({ text: 'second it is', sessionId: undefined, citations: [{ text: 'second', span: { start: 0, end: 6 }, references: [outcome.results[1]] }] });
    expect(outcome.steps).toEqual([
      { step: 'Planning', status: 'SUCCEEDED', message: 'Planning done' },
      { step: 'Retrieval', status: 'FAILED', message: 'one source failed' },
      { step: 'Retrieval', status: 'FAILED', message: 'KB2 timed out' },
    ]);
    expect(outcome.nextToken).toBeUndefined();
  });

  test('without generatedResponse but with streamed chunks, the chunks are the answer (no citations)', async () => {
    const outcome = await consumeAgenticStream(events({ responseEvent: { text: 'Hello ' } }, { responseEvent: { text: 'there' } }, { result: { results: [] } }));
    expect(outcome.answer).toEqual({ text: 'Hello there', citations: [], sessionId: undefined });
  });
});
