import fc from 'fast-check';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import {
  DEEPSEEK_R1_THINK_TAGS,
  ReasoningSplitter,
  deepSeekAdapter,
  deepSeekR1Prompt,
  llama4Prompt,
  metaLlamaAdapter,
  mistralAdapter,
  novaAdapter,
  openAiGptOssAdapter,
  qwenAdapter,
  splitReasoning,
  type ProviderAdapter,
  type StreamDelta,
} from '../src';

const conversation = [
  new SystemMessage('Be brief.'),
  new HumanMessage('Hi'),
  new AIMessage('Hello!'),
  new HumanMessage('Capital of France?'),
];
const params = { maxTokens: 100, temperature: 0.2, topP: 0.9, topK: 40, stop: ['END'] };

/** Every stream chunk through one adapter with one state, as the chat model does. */
function streamAll(adapter: ProviderAdapter, chunks: unknown[]): { text: string; reasoning: string; deltas: StreamDelta[] } {
  const state = {};
  const deltas = chunks.map((c) => adapter.parseStreamChunk(c, state));
  return {
    text: deltas.map((d) => d.text ?? '').join(''),
    reasoning: deltas.map((d) => d.reasoning ?? '').join(''),
    deltas,
  };
}

describe('ReasoningSplitter', () => {
  const tags = { open: '<reasoning>', close: '</reasoning>' };

  test('splits tagged reasoning from the answer, tags removed', () => {
    expect(splitReasoning('<reasoning>think</reasoning>Answer.', tags)).toEqual({ text: 'Answer.', reasoning: 'think' });
    expect(splitReasoning('No tags at all.', tags)).toEqual({ text: 'No tags at all.', reasoning: '' });
    expect(splitReasoning('<reasoning>a</reasoning><reasoning>b</reasoning>Done', tags)).toEqual({ text: 'Done', reasoning: 'ab' });
  });

  test('a reply that starts inside the reasoning (DeepSeek R1) runs until the close tag; a repeated open tag is dropped', () => {
    // R1 also drops the newlines around its tags.
    expect(splitReasoning('plan\n</think>\n\nParis.', DEEPSEEK_R1_THINK_TAGS)).toEqual({ text: 'Paris.', reasoning: 'plan' });
    expect(splitReasoning('<think>\nplan</think>Paris.', DEEPSEEK_R1_THINK_TAGS)).toEqual({ text: 'Paris.', reasoning: 'plan' });
    expect(splitReasoning('a\n\nb\n</think>\n\nParis \n is.', DEEPSEEK_R1_THINK_TAGS)).toEqual({ text: 'Paris \n is.', reasoning: 'a\n\nb' });
  });

  test('a tag cut by chunk boundaries is held back until it is decided', () => {
    const splitter = new ReasoningSplitter(tags);
    const parts = ['<reas', 'oning>deep ', 'thought</rea', 'soning>Ans', 'wer <', 'b>'].map((c) => splitter.push(c));
    parts.push(splitter.flush());
    expect(parts.map((p) => p.reasoning).join('')).toBe('deep thought');
    expect(parts.map((p) => p.text).join('')).toBe('Answer <b>');
    expect(parts[0]).toEqual({ text: '', reasoning: '' });
  });

  test.each([
    ['gpt-oss tags', tags, ['<reasoning>', '</reasoning>', '<', '>', 'a', 'b c', '</', 'reason', '\n']],
    ['DeepSeek R1 tags (trimmed)', DEEPSEEK_R1_THINK_TAGS, ['<think>', '</think>', '<', '>', 'a', 'b c', '</', 'th', ' ', '\n\n']],
  ] as const)('%s: any chunking of a reply gives the same split as the whole reply', (_label, tagSet, alphabet) => {
    const piece = fc.constantFrom(...alphabet);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(fc.nat(40), { maxLength: 6 }), (pieces, cuts) => {
        const whole = pieces.join('');
        const bounds = [...new Set(cuts.map((c) => Math.min(c, whole.length)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let at = 0;
        for (const b of [...bounds, whole.length]) {
          chunks.push(whole.slice(at, b));
          at = b;
        }
        const splitter = new ReasoningSplitter(tagSet);
        const out = chunks.map((c) => splitter.push(c));
        out.push(splitter.flush());
        expect({ text: out.map((o) => o.text).join(''), reasoning: out.map((o) => o.reasoning).join('') }).toEqual(
          splitReasoning(whole, tagSet),
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('openai (gpt-oss) adapter', () => {
  test('Chat Completions body: developer system role, max_completion_tokens, stop; no top_k', () => {
    const body = openAiGptOssAdapter.buildBody({ messages: conversation, params, baseModelId: 'openai.gpt-oss-20b-1:0' });
    expect(body).toEqual({
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Capital of France?' },
      ],
      max_completion_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      stop: ['END'],
    });
  });

  test('response: <reasoning> split out of the content; usage and finish_reason read', () => {
    const parsed = openAiGptOssAdapter.parseResponse({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: '<reasoning>User wants Paris.</reasoning>Paris.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
    });
    expect(parsed).toEqual({
      text: 'Paris.',
      reasoning: 'User wants Paris.',
      toolCalls: [],
      stopReason: 'stop',
      usage: { inputTokens: 12, outputTokens: 9 },
      id: 'chatcmpl-1',
    });
  });

  test('stream: per-piece <reasoning> pairs become reasoning, the rest text; usage on the finish chunk', () => {
    const chunk = (delta: object, finish: string | null = null, extra: object = {}) => ({ choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
    const { text, reasoning, deltas } = streamAll(openAiGptOssAdapter, [
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: '<reasoning>User wants </reasoning>' }),
      chunk({ content: '<reasoning>Paris.</reasoning>' }),
      chunk({ content: 'Par' }),
      chunk({ content: 'is.' }),
      chunk({}, 'stop', { usage: { prompt_tokens: 5, completion_tokens: 7 } }),
    ]);
    expect(text).toBe('Paris.');
    expect(reasoning).toBe('User wants Paris.');
    expect(deltas.at(-1)).toEqual({ stopReason: 'stop', usage: { inputTokens: 5, outputTokens: 7 } });
  });
});

describe('qwen adapter', () => {
  test('Chat Completions body with the system role and max_tokens', () => {
    const body = qwenAdapter.buildBody({ messages: conversation, params, baseModelId: 'qwen.qwen3-32b-v1:0' });
    expect(body).toMatchObject({ max_tokens: 100, temperature: 0.2, top_p: 0.9, stop: ['END'] });
    expect((body.messages as unknown[])[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(body).not.toHaveProperty('top_k');
  });

  test('reasoning_content (invoke and stream) is kept apart from the answer', () => {
    expect(
      qwenAdapter.parseResponse({
        choices: [{ message: { content: 'Paris.', reasoning_content: 'Easy.' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 3, completion_tokens: 4 },
      }),
    ).toMatchObject({ text: 'Paris.', reasoning: 'Easy.', stopReason: 'stop', usage: { inputTokens: 3, outputTokens: 4 } });
    const { text, reasoning } = streamAll(qwenAdapter, [
      { choices: [{ delta: { reasoning_content: 'Ea' }, finish_reason: null }] },
      { choices: [{ delta: { reasoning_content: 'sy.' }, finish_reason: null }] },
      { choices: [{ delta: { content: 'Paris.' }, finish_reason: 'stop' }] },
    ]);
    expect([text, reasoning]).toEqual(['Paris.', 'Easy.']);
  });
});

describe('deepseek adapter', () => {
  test('R1 prompt: DeepSeek chat template ending in an open <think>', () => {
    expect(deepSeekR1Prompt(conversation)).toBe(
      '<｜begin▁of▁sentence｜>Be brief.<｜User｜>Hi<｜Assistant｜>Hello!<｜end▁of▁sentence｜><｜User｜>Capital of France?<｜Assistant｜><think>\n',
    );
    expect(deepSeekR1Prompt([new HumanMessage('Hi')])).toBe('<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n');
  });

  test('R1 body: prompt, max_tokens, temperature, top_p, stop (no top_k)', () => {
    const body = deepSeekAdapter.buildBody({ messages: conversation, params, baseModelId: 'deepseek.r1-v1:0' });
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'prompt', 'stop', 'temperature', 'top_p']);
    expect(body).toMatchObject({ max_tokens: 100, temperature: 0.2, top_p: 0.9, stop: ['END'] });
  });

  test('V3 body is Chat Completions', () => {
    const body = deepSeekAdapter.buildBody({ messages: conversation, params, baseModelId: 'deepseek.v3-v1:0' });
    expect(body).toMatchObject({ max_tokens: 100, messages: expect.arrayContaining([{ role: 'system', content: 'Be brief.' }]) });
    expect(body).not.toHaveProperty('prompt');
  });

  test('R1 response: reasoning before </think>, the answer after it, stop_reason read', () => {
    expect(
      deepSeekAdapter.parseResponse({ choices: [{ text: 'France: Paris.\n</think>\n\nParis.', stop_reason: 'stop' }] }),
    ).toMatchObject({ text: 'Paris.', reasoning: 'France: Paris.', stopReason: 'stop' });
    // A V3 body is read as a chat completion.
    expect(
      deepSeekAdapter.parseResponse({ choices: [{ message: { content: 'Paris.' }, finish_reason: 'length' }] }),
    ).toMatchObject({ text: 'Paris.', stopReason: 'length' });
  });

  test('R1 stream: </think> cut across chunks still splits; the stop reason ends it', () => {
    const { text, reasoning, deltas } = streamAll(deepSeekAdapter, [
      { choices: [{ text: 'France ', stop_reason: null }] },
      { choices: [{ text: 'means Paris.\n</th', stop_reason: null }] },
      { choices: [{ text: 'ink>\n\nPar', stop_reason: null }] },
      { choices: [{ text: 'is.', stop_reason: 'stop' }] },
    ]);
    expect(reasoning).toBe('France means Paris.');
    expect(text).toBe('Paris.');
    expect(deltas.at(-1)?.stopReason).toBe('stop');
  });
});

describe('Llama 4, Nova 2 and the newer Mistral chat models', () => {
  test('Llama 4 uses the header_start template; Llama 3 ids keep theirs', () => {
    expect(llama4Prompt(conversation)).toBe(
      '<|begin_of_text|><|header_start|>system<|header_end|>\n\nBe brief.<|eot|>' +
        '<|header_start|>user<|header_end|>\n\nHi<|eot|>' +
        '<|header_start|>assistant<|header_end|>\n\nHello!<|eot|>' +
        '<|header_start|>user<|header_end|>\n\nCapital of France?<|eot|>' +
        '<|header_start|>assistant<|header_end|>\n\n',
    );
    const llama4 = metaLlamaAdapter.buildBody({ messages: conversation, params, baseModelId: 'meta.llama4-scout-17b-instruct-v1:0' });
    expect(llama4).toEqual({ prompt: llama4Prompt(conversation), max_gen_len: 100, temperature: 0.2, top_p: 0.9 });
    const llama3 = metaLlamaAdapter.buildBody({ messages: conversation, params, baseModelId: 'meta.llama3-3-70b-instruct-v1:0' });
    expect(String(llama3.prompt)).toContain('<|start_header_id|>');
  });

  test('Nova 2 reasoningContent blocks (invoke and stream) become reasoning', () => {
    expect(
      novaAdapter.parseResponse({
        output: { message: { role: 'assistant', content: [{ reasoningContent: { reasoningText: { text: 'Hmm.' } } }, { text: 'Paris.' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 3, outputTokens: 5 },
      }),
    ).toMatchObject({ text: 'Paris.', reasoning: 'Hmm.', stopReason: 'end_turn', usage: { inputTokens: 3, outputTokens: 5 } });
    const { text, reasoning } = streamAll(novaAdapter, [
      { contentBlockDelta: { delta: { reasoningContent: { text: 'Hmm.' } }, contentBlockIndex: 0 } },
      { contentBlockDelta: { delta: { text: 'Paris.' }, contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'end_turn' } },
    ]);
    expect([text, reasoning]).toEqual(['Paris.', 'Hmm.']);
  });

  test.each(['mistral.pixtral-large-2502-v1:0', 'mistral.magistral-small-2509', 'mistral.ministral-3-8b-instruct'])(
    '%s takes the chat messages body',
    (baseModelId) => {
      const body = mistralAdapter.buildBody({ messages: conversation, params, baseModelId });
      expect(body).toHaveProperty('messages');
      expect(body).not.toHaveProperty('prompt');
    },
  );
});
