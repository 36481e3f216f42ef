import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { buildChatMessages, ComponentValidationError, runTextResponse, textResponseCallOptions, type TextResponseModel } from '../src';

/** A narrow stand-in for a chat model: invoke echoes, stream sends the words as chunks. */
function echoModel(calls: string[]): TextResponseModel {
  return {
    async invoke(messages: BaseMessage[]) {
      calls.push('invoke');
      return new AIMessage({ content: `Echo: ${String(messages.at(-1)?.content)}`, response_metadata: { request_id: 'r1' } });
    },
    async stream(messages: BaseMessage[]) {
      calls.push('stream');
      const words = String(messages.at(-1)?.content).split(' ');
      return (async function* () {
        for (const [i, word] of words.entries()) yield new AIMessageChunk({ content: i === 0 ? word : ` ${word}` });
      })();
    },
  };
}

describe('buildChatMessages', () => {
  it('builds [system?, human] and rejects an empty input as one issue on input_value with the given prefix', () => {
    const messages = buildChatMessages({ input_value: 'hi', system_message: 'be brief' }, { component: 'C' });
    expect(messages[0]).toBeInstanceOf(SystemMessage);
    expect(messages[1]).toBeInstanceOf(HumanMessage);
    expect(buildChatMessages({ input_value: 'hi' }, { component: 'C' })).toHaveLength(1);
    let error: unknown;
    try {
      buildChatMessages({ input_value: '' }, { component: 'C', prefix: 'X validation error: ' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues.map((issue) => issue.field)).toEqual(['input_value']);
    expect((error as Error).message.startsWith('X validation error: ')).toBe(true);
  });
});

describe('runTextResponse', () => {
  it('invokes once when stream is off, and streams tokens in order to onToken when on', async () => {
    const calls: string[] = [];
    const model = echoModel(calls);
    const messages = buildChatMessages({ input_value: 'one two three' }, { component: 'C' });
    const invoked = await runTextResponse(model, messages, false, {}, {});
    expect(invoked).toMatchObject({ text: 'Echo: one two three', streamed: false, responseMetadata: { request_id: 'r1' } });
    const tokens: string[] = [];
    const streamed = await runTextResponse(model, messages, true, {}, { onToken: (t) => void tokens.push(t) });
    expect(tokens).toEqual(['one', ' two', ' three']);
    expect(streamed).toMatchObject({ text: 'one two three', streamed: true });
    expect(calls).toEqual(['invoke', 'stream']);
  });

  it('combines the context and call signals: either aborts', () => {
    const a = new AbortController();
    const b = new AbortController();
    expect(textResponseCallOptions({}, {})).toEqual({});
    expect(textResponseCallOptions({ signal: a.signal }, {}).signal).toBe(a.signal);
    const both = textResponseCallOptions({ signal: a.signal }, { signal: b.signal }).signal!;
    expect(both.aborted).toBe(false);
    b.abort();
    expect(both.aborted).toBe(true);
  });
});
