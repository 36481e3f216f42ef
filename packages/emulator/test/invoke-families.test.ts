import {
  ConverseCommand,
  ConverseStreamCommand,
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
}

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

  it.each(CASES.filter((c) => c.streamText))('$family: stream chunks rebuild the reply and end with invocation metrics', async ({ modelId, body, streamText }) => {
    const out = await client().send(new InvokeModelWithResponseStreamCommand({ modelId, body: jsonBody(body), contentType: 'application/json' }));
    const chunks: any[] = [];
    for await (const event of out.body ?? []) {
      if (event.chunk?.bytes) chunks.push(parseBody(event.chunk.bytes));
    }
    expect(chunks.map((c) => streamText!(c)).join('')).toBe('Echo: hello there');
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

  it.each(CASES.filter((c) => !c.family.includes('(chat)')))('$family: Converse and ConverseStream answer too', async ({ modelId }) => {
    const out = await client().send(new ConverseCommand({ modelId, messages: [userMessage('hi')] }));
    expect(out.output?.message?.content?.[0]?.text).toBe('Echo: hi');
    const stream = await client().send(new ConverseStreamCommand({ modelId, messages: [userMessage('hi you')] }));
    let text = '';
    for await (const e of stream.stream ?? []) text += e.contentBlockDelta?.delta?.text ?? '';
    expect(text).toBe('Echo: hi you');
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
