import {
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { jsonBody, parseBody, useEmulator } from './support/shared-emulator';
import { userMessage } from './support/clients';

interface FamilyCase {
  family: string;
  modelId: string;
  body: unknown;
  text(response: any): string;
  streamText?(chunk: any): string;
  /** The answer in the joined stream text, for families that stream their reasoning first (default: all of it). */
  streamAnswer?(joined: string): string;
}

/** gpt-oss on InvokeModel: reasoning in `<reasoning>` tags before the answer. */
const withoutReasoningTags = (text: string) => text.replace(/<reasoning>[\s\S]*?<\/reasoning>/g, '');
/** DeepSeek R1: the reasoning runs until `</think>`, then the answer. */
const afterThink = (text: string) => text.slice(text.indexOf('</think>') + '</think>'.length).trimStart();

const CASES: FamilyCase[] = [
  {
    family: 'anthropic',
    modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    body: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: 'hello there' }] },
    text: (r) => r.content[0].text,
    streamText: (c) => (c.type === 'content_block_delta' ? c.delta.text : ''),
  },
  {
    family: 'amazon-titan-text',
    modelId: 'amazon.titan-text-express-v1',
    body: { inputText: 'User: hello there\nBot:', textGenerationConfig: { maxTokenCount: 100 } },
    text: (r) => r.results[0].outputText,
    streamText: (c) => c.outputText,
  },
  {
    family: 'amazon-nova',
    modelId: 'eu.amazon.nova-lite-v1:0',
    body: { schemaVersion: 'messages-v1', messages: [{ role: 'user', content: [{ text: 'hello there' }] }], inferenceConfig: { max_new_tokens: 100 } },
    text: (r) => r.output.message.content[0].text,
    streamText: (c) => c.contentBlockDelta?.delta?.text ?? '',
  },
  {
    family: 'meta',
    modelId: 'us.meta.llama3-2-3b-instruct-v1:0',
    body: {
      prompt: '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nhello there<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n',
      max_gen_len: 100,
      temperature: 0.5,
    },
    text: (r) => r.generation,
    streamText: (c) => c.generation,
  },
  {
    family: 'mistral (instruct)',
    modelId: 'mistral.mistral-7b-instruct-v0:2',
    body: { prompt: '<s>[INST] hello there [/INST]', max_tokens: 100 },
    text: (r) => r.outputs[0].text,
    streamText: (c) => c.outputs[0].text,
  },
  {
    family: 'mistral (chat)',
    modelId: 'mistral.mistral-large-2407-v1:0',
    body: { messages: [{ role: 'user', content: 'hello there' }], max_tokens: 100 },
    text: (r) => r.choices[0].message.content,
    streamText: (c) => c.choices[0].message.content,
  },
  {
    family: 'cohere-command',
    modelId: 'cohere.command-text-v14',
    body: { prompt: 'hello there', max_tokens: 100 },
    text: (r) => r.generations[0].text,
    streamText: (c) => (c.is_finished ? '' : c.text),
  },
  {
    family: 'cohere-command-r',
    modelId: 'cohere.command-r-plus-v1:0',
    body: { message: 'hello there', chat_history: [{ role: 'USER', message: 'earlier' }, { role: 'CHATBOT', message: 'ok' }], preamble: 'Be brief.' },
    text: (r) => r.text,
    streamText: (c) => (c.event_type === 'text-generation' ? c.text : ''),
  },
  {
    family: 'ai21-jamba',
    modelId: 'ai21.jamba-1-5-mini-v1:0',
    body: { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hello there' }], max_tokens: 100 },
    text: (r) => r.choices[0].message.content,
    streamText: (c) => c.choices[0].delta.content ?? '',
  },
  {
    family: 'ai21-j2',
    modelId: 'ai21.j2-ultra-v1',
    body: { prompt: 'hello there', maxTokens: 100 },
    text: (r) => r.completions[0].data.text,
  },
  {
    family: 'deepseek-r1',
    modelId: 'us.deepseek.r1-v1:0',
    body: { prompt: '<｜begin▁of▁sentence｜><｜User｜>hello there<｜Assistant｜><think>\n', max_tokens: 100, temperature: 0.6, stop: ['<｜end▁of▁sentence｜>'] },
    text: (r) => afterThink(r.choices[0].text),
    streamText: (c) => c.choices[0].text,
    streamAnswer: afterThink,
  },
  {
    family: 'deepseek-v3',
    modelId: 'deepseek.v3-v1:0',
    body: { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hello there' }], max_tokens: 100 },
    text: (r) => r.choices[0].message.content,
    streamText: (c) => c.choices[0].delta.content ?? '',
  },
  {
    family: 'openai-gpt-oss',
    modelId: 'openai.gpt-oss-20b-1:0',
    body: { messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'hello there' }], max_completion_tokens: 100, reasoning_effort: 'low' },
    text: (r) => withoutReasoningTags(r.choices[0].message.content),
    streamText: (c) => c.choices[0].delta.content ?? '',
    streamAnswer: withoutReasoningTags,
  },
  {
    family: 'qwen',
    modelId: 'qwen.qwen3-coder-30b-a3b-v1:0',
    body: { messages: [{ role: 'user', content: 'hello there' }], max_tokens: 100, top_p: 0.8 },
    text: (r) => r.choices[0].message.content,
    streamText: (c) => c.choices[0].delta.content ?? '',
  },
  {
    family: 'meta (llama 4)',
    modelId: 'us.meta.llama4-scout-17b-instruct-v1:0',
    body: { prompt: '<|begin_of_text|><|header_start|>user<|header_end|>\n\nhello there<|eot|><|header_start|>assistant<|header_end|>\n\n', max_gen_len: 100 },
    text: (r) => r.generation,
    streamText: (c) => c.generation,
  },
  {
    family: 'amazon-nova (nova 2)',
    modelId: 'us.amazon.nova-2-lite-v1:0',
    body: { schemaVersion: 'messages-v1', messages: [{ role: 'user', content: [{ text: 'hello there' }] }], inferenceConfig: { maxTokens: 100 } },
    text: (r) => r.output.message.content[0].text,
    streamText: (c) => c.contentBlockDelta?.delta?.text ?? '',
  },
  {
    family: 'mistral (pixtral chat)',
    modelId: 'us.mistral.pixtral-large-2502-v1:0',
    body: { messages: [{ role: 'user', content: 'hello there' }], max_tokens: 100 },
    text: (r) => r.choices[0].message.content,
    streamText: (c) => c.choices[0].message.content,
  },
];

describe('InvokeModel and InvokeModelWithResponseStream per family', () => {
  const { emu, client } = useEmulator();

  it.each(CASES)('$family: invoke round-trips the echo reply', async ({ modelId, body, text }) => {
    const out = await client().send(new InvokeModelCommand({ modelId, body: jsonBody(body), contentType: 'application/json', accept: 'application/json' }));
    expect(out.contentType).toBe('application/json');
    expect(text(parseBody(out.body))).toBe('Echo: hello there');
    const seen = emu().requests().at(-1);
    expect(seen).toMatchObject({ operation: 'InvokeModel', modelId, body, lastUserText: 'hello there' });
  });

  it.each(CASES.filter((c) => c.streamText))('$family: stream chunks rebuild the reply and end with invocation metrics', async ({ modelId, body, streamText, streamAnswer }) => {
    const out = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: jsonBody(body), contentType: 'application/json' }));
    const chunks: any[] = [];
    for await (const event of out.body ?? []) {
      if (event.chunk?.bytes) chunks.push(parseBody(event.chunk.bytes));
    }
    expect((streamAnswer ?? ((t: string) => t))(chunks.map((c) => streamText!(c)).join(''))).toBe('Echo: hello there');
    expect(chunks.at(-1)['amazon-bedrock-invocationMetrics']).toMatchObject({ outputTokenCount: Math.ceil('Echo: hello there'.length / 4) });
    expect(chunks.slice(0, -1).every((c) => c['amazon-bedrock-invocationMetrics'] === undefined)).toBe(true);
  });

  it('ai21-j2 refuses to stream with a ValidationException', async () => {
    const { modelId, body } = CASES.find((c) => c.family === 'ai21-j2')!;
    await expect(client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: jsonBody(body) }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'The model is unsupported for streaming.',
    });
  });

  it.each(CASES.filter((c) => !c.family.includes('chat)')))('$family: Converse and ConverseStream answer too', async ({ modelId }) => {
    const out = await client().send(new ConverseCommand({ modelId, messages: [userMessage('hi')] }));
    const content = out.output?.message?.content ?? [];
    expect(content.find((b) => b.text !== undefined)?.text).toBe('Echo: hi');
    // The families that always reason (gpt-oss, DeepSeek R1) put a reasoningContent block before the answer.
    const reasons = /gpt-oss|deepseek\.r1/.test(modelId);
    expect(content[0]?.reasoningContent !== undefined).toBe(reasons);
    const stream = await client().send(new ConverseStreamCommand({ modelId, messages: [userMessage('hi you')] }));
    let text = '';
    let reasoning = '';
    for await (const e of stream.stream ?? []) {
      text += e.contentBlockDelta?.delta?.text ?? '';
      reasoning += e.contentBlockDelta?.delta?.reasoningContent?.text ?? '';
    }
    expect(text).toBe('Echo: hi you');
    expect(reasoning).toBe(reasons ? 'The user wrote "hi you". Reply with an echo.' : '');
  });

  it('anthropic tool_use: forced tool choice calls the tool in invoke and stream', async () => {
    const body = {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 200,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'weather in Paris' }] }],
      tools: [{ name: 'get_weather', description: 'w', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }],
      tool_choice: { type: 'tool', name: 'get_weather' },
    };
    const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    const out = parseBody((await client().send(new InvokeModelCommand({ modelId, body: jsonBody(body) }))).body);
    expect(out.stop_reason).toBe('tool_use');
    expect(out.content).toEqual([{ type: 'tool_use', id: expect.stringMatching(/^tooluse_/), name: 'get_weather', input: { city: 'weather in Paris' } }]);
    const stream = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: jsonBody(body) }));
    let json = '';
    const types: string[] = [];
    for await (const e of stream.body ?? []) {
      const c = parseBody(e.chunk?.bytes);
      types.push(c.type);
      if (c.delta?.type === 'input_json_delta') json += c.delta.partial_json;
    }
    expect(JSON.parse(json)).toEqual({ city: 'weather in Paris' });
    expect(types[0]).toBe('message_start');
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop']);
  });
});

describe("today's InvokeModel families: reasoning and Bedrock's validation errors", () => {
  const { emu, client } = useEmulator();
  const invoke = (modelId: string, body: unknown) =>
    client().send(new InvokeModelCommand({ modelId, body: jsonBody(body), contentType: 'application/json', accept: 'application/json' }));

  it('gpt-oss puts its reasoning first, in <reasoning> tags, and streams each reasoning piece in its own pair', async () => {
    const body = { messages: [{ role: 'user', content: 'hello there' }] };
    const out = parseBody((await invoke('openai.gpt-oss-120b-1:0', body)).body);
    expect(out).toMatchObject({ object: 'chat.completion', model: 'openai.gpt-oss-120b-1:0', choices: [{ finish_reason: 'stop' }] });
    expect(out.choices[0].message.content).toBe('<reasoning>The user wrote "hello there". Reply with an echo.</reasoning>Echo: hello there');
    expect(out.usage).toEqual({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    const stream = await client().send(new InvokeModelWithResponseStreamCommand({ modelId: 'openai.gpt-oss-120b-1:0', body: jsonBody(body) }));
    const contents: string[] = [];
    for await (const e of stream.body ?? []) contents.push(parseBody(e.chunk?.bytes).choices[0].delta.content ?? '');
    const reasoningPieces = contents.filter((c) => c.startsWith('<reasoning>'));
    expect(reasoningPieces.length).toBeGreaterThan(1);
    expect(reasoningPieces.every((c) => c.endsWith('</reasoning>'))).toBe(true);
  });

  it('a Chat Completions `stream` field must match the operation', async () => {
    const messages = [{ role: 'user', content: 'hello there' }];
    await expect(invoke('qwen.qwen3-32b-v1:0', { messages, stream: true })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('must match the operation: false (or left out) on InvokeModel'),
    });
    const ok = await invoke('qwen.qwen3-32b-v1:0', { messages, stream: false });
    expect(parseBody(ok.body).choices[0].message.content).toBe('Echo: hello there');
    await expect(
      client().send(new InvokeModelWithResponseStreamCommand({ modelId: 'openai.gpt-oss-20b-1:0', body: jsonBody({ messages, stream: false }) })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('true (or left out) on InvokeModelWithResponseStream') });
    const streamed = await client().send(
      new InvokeModelWithResponseStreamCommand({ modelId: 'openai.gpt-oss-20b-1:0', body: jsonBody({ messages, stream: true }) }),
    );
    let events = 0;
    for await (const e of streamed.body ?? []) if (e.chunk?.bytes) events += 1;
    expect(events).toBeGreaterThan(2);
  });

  it.each(['openai.gpt-oss-20b-1:0', 'qwen.qwen3-32b-v1:0', 'deepseek.v3-v1:0'])('%s: CountTokens on the InvokeModel body equals the prompt_tokens it reports', async (modelId) => {
    const body = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'count these tokens please' }] };
    const counted = await client().send(new CountTokensCommand({ modelId, input: { invokeModel: { body: jsonBody(body) } } }));
    const invoked = parseBody((await invoke(modelId, body)).body);
    expect(counted.inputTokens).toBe(Math.ceil('Be brief.'.length / 4) + Math.ceil('count these tokens please'.length / 4));
    expect(invoked.usage.prompt_tokens).toBe(counted.inputTokens);
  });

  it('DeepSeek R1 opens <think> itself when the prompt did not', async () => {
    const out = parseBody((await invoke('deepseek.r1-v1:0', { prompt: 'hello there' })).body);
    expect(out.choices[0].text).toBe('<think>\nThe user wrote "hello there". Reply with an echo.\n</think>\n\nEcho: hello there');
    expect(out.choices[0].stop_reason).toBe('stop');
  });

  it('a max-tokens cut is "length" in the Chat Completions and R1 vocabularies', async () => {
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    const qwen = parseBody((await invoke('qwen.qwen3-32b-v1:0', { messages: [{ role: 'user', content: long }], max_tokens: 2 })).body);
    expect(qwen.choices[0].finish_reason).toBe('length');
    const r1 = parseBody((await invoke('deepseek.r1-v1:0', { prompt: `<｜User｜>${long}<｜Assistant｜><think>\n`, max_tokens: 2 })).body);
    expect(r1.choices[0].stop_reason).toBe('length');
  });

  it.each([
    ['R1 without prompt', 'us.deepseek.r1-v1:0', { max_tokens: 10 }, 'Malformed input request: #: required key [prompt] not found, please reformat your input and try again.'],
    ['R1 with an extra key', 'us.deepseek.r1-v1:0', { prompt: 'x', top_k: 5 }, 'Malformed input request: #: extraneous key [top_k] is not permitted, please reformat your input and try again.'],
    ['R1 max_tokens too large', 'deepseek.r1-v1:0', { prompt: 'x', max_tokens: 40_000 }, "Value '40000' at 'max_tokens' failed to satisfy constraint: Member must have value less than or equal to 32768"],
    ['R1 temperature above 1', 'deepseek.r1-v1:0', { prompt: 'x', temperature: 1.5 }, "at 'temperature' failed to satisfy constraint: Member must have value less than or equal to 1"],
    ['R1 more than 10 stop sequences', 'deepseek.r1-v1:0', { prompt: 'x', stop: Array.from({ length: 11 }, (_, i) => `s${i}`) }, "at 'stop' failed to satisfy constraint: Member must have length less than or equal to 10"],
    ['Qwen without messages', 'qwen.qwen3-32b-v1:0', { max_tokens: 10 }, 'Malformed input request: #: required key [messages] not found, please reformat your input and try again.'],
    ['Qwen with a prompt body', 'qwen.qwen3-32b-v1:0', { prompt: 'x' }, 'Malformed input request: #: extraneous key [prompt] is not permitted, please reformat your input and try again.'],
    ['gpt-oss with another model in the body', 'openai.gpt-oss-20b-1:0', { model: 'openai.gpt-oss-120b-1:0', messages: [{ role: 'user', content: 'x' }] }, 'must match the model identifier'],
    ['gpt-oss with a bad role', 'openai.gpt-oss-20b-1:0', { messages: [{ role: 'robot', content: 'x' }] }, 'messages.0.role: must be one of system, developer, user, assistant, tool; got "robot"'],
    ['gpt-oss max_completion_tokens not an integer', 'openai.gpt-oss-20b-1:0', { messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 1.5 }, "at 'max_completion_tokens' failed to satisfy constraint: Member must be an integer"],
    ['DeepSeek V3 temperature above 2', 'deepseek.v3-v1:0', { messages: [{ role: 'user', content: 'x' }], temperature: 2.5 }, "at 'temperature' failed to satisfy constraint: Member must have value less than or equal to 2"],
    ['an unknown model family', 'acme.chat-v1:0', { prompt: 'x' }, 'The provided model identifier is invalid.'],
  ])('%s: 400 ValidationException in Bedrock\'s words, logged with its error', async (_label, modelId, body, message) => {
    const error = await invoke(modelId, body).then(
      () => undefined,
      (e: any) => e,
    );
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(error.message).toContain(message);
    expect(emu().requests().at(-1)).toMatchObject({ modelId, error: 'ValidationException' });
  });
});
