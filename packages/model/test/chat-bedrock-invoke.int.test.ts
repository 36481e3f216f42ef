import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type AIMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { ChatBedrockInvoke, ModelValidationError } from '../src';
import { emulatorClient, eventually, freeSocketsOf } from './emulator-client';

/** One row per wire dialect: a model id, its stop reasons (done, max tokens), a kwarg valid for its body and where it lands. */
interface FamilyRow {
  model: string;
  /** Stop reason of a finished reply, and of a max-tokens cut, in the family's vocabulary. */
  done: string;
  length: string;
  kwargs: Record<string, unknown>;
  /** Where the kwarg lands in the body as the emulator received it. */
  check: (body: any) => unknown;
  expected: unknown;
}

const FAMILIES: FamilyRow[] = [
  { model: 'anthropic.claude-3-haiku-20240307-v1:0', done: 'end_turn', length: 'max_tokens', kwargs: { top_k: 7 }, check: (b) => b.top_k, expected: 7 },
  { model: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', done: 'end_turn', length: 'max_tokens', kwargs: { top_k: 8 }, check: (b) => b.top_k, expected: 8 },
  { model: 'amazon.titan-text-express-v1', done: 'FINISH', length: 'LENGTH', kwargs: { textGenerationConfig: { topP: 0.42 } }, check: (b) => b.textGenerationConfig.topP, expected: 0.42 },
  { model: 'us.amazon.nova-lite-v1:0', done: 'end_turn', length: 'max_tokens', kwargs: { inferenceConfig: { topK: 7 } }, check: (b) => b.inferenceConfig.topK, expected: 7 },
  { model: 'meta.llama3-8b-instruct-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.42 }, check: (b) => b.top_p, expected: 0.42 },
  { model: 'meta.llama2-13b-chat-v1', done: 'stop', length: 'length', kwargs: { top_p: 0.43 }, check: (b) => b.top_p, expected: 0.43 },
  { model: 'mistral.mistral-7b-instruct-v0:2', done: 'stop', length: 'length', kwargs: { top_k: 7 }, check: (b) => b.top_k, expected: 7 },
  { model: 'mistral.mistral-large-2407-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.42 }, check: (b) => b.top_p, expected: 0.42 },
  { model: 'cohere.command-text-v14', done: 'COMPLETE', length: 'MAX_TOKENS', kwargs: { k: 7 }, check: (b) => b.k, expected: 7 },
  { model: 'cohere.command-r-v1:0', done: 'COMPLETE', length: 'MAX_TOKENS', kwargs: { k: 8 }, check: (b) => b.k, expected: 8 },
  { model: 'ai21.jamba-1-5-mini-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.42 }, check: (b) => b.top_p, expected: 0.42 },
  { model: 'ai21.j2-mid-v1', done: 'endoftext', length: 'length', kwargs: { topP: 0.42 }, check: (b) => b.topP, expected: 0.42 },
  // Today's families (issue 14).
  { model: 'us.deepseek.r1-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.42 }, check: (b) => b.top_p, expected: 0.42 },
  { model: 'deepseek.v3-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.43 }, check: (b) => b.top_p, expected: 0.43 },
  { model: 'openai.gpt-oss-20b-1:0', done: 'stop', length: 'length', kwargs: { reasoning_effort: 'low' }, check: (b) => b.reasoning_effort, expected: 'low' },
  { model: 'us.openai.gpt-oss-120b-1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.44 }, check: (b) => b.top_p, expected: 0.44 },
  { model: 'qwen.qwen3-32b-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.45 }, check: (b) => b.top_p, expected: 0.45 },
  { model: 'qwen.qwen3-coder-30b-a3b-v1:0', done: 'stop', length: 'length', kwargs: { presence_penalty: 0.5 }, check: (b) => b.presence_penalty, expected: 0.5 },
  { model: 'us.meta.llama4-scout-17b-instruct-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.46 }, check: (b) => b.top_p, expected: 0.46 },
  { model: 'meta.llama4-maverick-17b-instruct-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.47 }, check: (b) => b.top_p, expected: 0.47 },
  { model: 'us.amazon.nova-2-lite-v1:0', done: 'end_turn', length: 'max_tokens', kwargs: { inferenceConfig: { topK: 9 } }, check: (b) => b.inferenceConfig.topK, expected: 9 },
  { model: 'us.amazon.nova-premier-v1:0', done: 'end_turn', length: 'max_tokens', kwargs: { inferenceConfig: { topP: 0.5 } }, check: (b) => b.inferenceConfig.topP, expected: 0.5 },
  { model: 'mistral.pixtral-large-2502-v1:0', done: 'stop', length: 'length', kwargs: { top_p: 0.48 }, check: (b) => b.top_p, expected: 0.48 },
];

const prompt = [new SystemMessage('You are terse.'), new HumanMessage('Name the capital of France.')];

async function collect(stream: AsyncIterable<AIMessageChunk>): Promise<{ merged: AIMessageChunk; count: number }> {
  let merged: AIMessageChunk | undefined;
  let count = 0;
  for await (const chunk of stream) {
    merged = merged ? merged.concat(chunk) : chunk;
    count++;
  }
  if (!merged) throw new Error('no chunks');
  return { merged, count };
}

describe('ChatBedrockInvoke against the emulator', () => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
    client = emulatorClient(emu);
  });
  afterAll(async () => {
    client?.destroy();
    await emu?.close();
  });

  describe.each(FAMILIES)('$model', ({ model, done, length, kwargs, check, expected }) => {
    test('invoke: text, usage, stop reason, model_kwargs in the body', async () => {
      emu.script(model, { text: 'Paris is the capital.', stopReason: 'end_turn' });
      const chat = new ChatBedrockInvoke({ client, model, modelKwargs: kwargs, maxTokens: 200 });
      const before = emu.stats().requests.byOperation.InvokeModel ?? 0;
      const reply = (await chat.invoke(prompt)) as AIMessage;
      expect(emu.stats().requests.byOperation.InvokeModel).toBe(before + 1);
      expect(reply.content).toBe('Paris is the capital.');
      expect(reply.usage_metadata?.input_tokens).toBeGreaterThan(0);
      expect(reply.usage_metadata?.output_tokens).toBeGreaterThan(0);
      expect(reply.usage_metadata?.total_tokens).toBe(
        (reply.usage_metadata?.input_tokens ?? 0) + (reply.usage_metadata?.output_tokens ?? 0),
      );
      expect(reply.response_metadata.stop_reason).toBe(done);
      const seen = emu.requests().at(-1)!;
      expect(seen.operation).toBe('InvokeModel');
      expect(seen.modelId).toBe(model);
      expect(check(seen.body)).toEqual(expected);
      expect(seen.lastUserText).toContain('capital of France');
    });

    test('a max-tokens stop is reported in the family vocabulary', async () => {
      emu.script(model, { text: 'Par', stopReason: 'max_tokens' });
      const reply = await new ChatBedrockInvoke({ client, model }).invoke(prompt);
      expect(reply.response_metadata.stop_reason).toBe(length);
    });

    test('stream: chunks, usage, stop reason, model_kwargs in the body', async () => {
      emu.script(model, { text: 'Paris is the capital of France.', stopReason: 'end_turn' });
      const chat = new ChatBedrockInvoke({ client, model, modelKwargs: kwargs, maxTokens: 200 });
      const { merged } = await collect(await chat.stream(prompt));
      expect(merged.content).toBe('Paris is the capital of France.');
      expect(merged.usage_metadata?.input_tokens).toBeGreaterThan(0);
      expect(merged.usage_metadata?.output_tokens).toBeGreaterThan(0);
      expect(merged.response_metadata.stop_reason).toBe(done);
      const seen = emu.requests().at(-1)!;
      // Jurassic-2 cannot stream on Bedrock: the model falls back to one InvokeModel.
      expect(seen.operation).toBe(model.startsWith('ai21.j2') ? 'InvokeModel' : 'InvokeModelWithResponseStream');
      expect(check(seen.body)).toEqual(expected);
    });
  });


  test('streaming: true makes invoke use the streaming API and fold the chunks', async () => {
    const model = 'meta.llama3-8b-instruct-v1:0';
    emu.script(model, { text: 'Folded reply.', stopReason: 'end_turn' });
    const reply = await new ChatBedrockInvoke({ client, model, streaming: true }).invoke(prompt);
    expect(emu.requests().at(-1)!.operation).toBe('InvokeModelWithResponseStream');
    expect(reply.content).toBe('Folded reply.');
    expect(reply.response_metadata).toMatchObject({ model_id: model, stop_reason: 'stop', request_id: expect.any(String) });
    expect(reply.usage_metadata?.output_tokens).toBeGreaterThan(0);
  });

  describe('reasoning families: the chain of thought is kept apart from the answer', () => {
    const cases = [
      { model: 'openai.gpt-oss-20b-1:0', system: { role: 'developer', content: 'You are terse.' }, template: undefined },
      { model: 'us.deepseek.r1-v1:0', system: undefined, template: '<｜begin▁of▁sentence｜>You are terse.<｜User｜>Name the capital of France.<｜Assistant｜><think>\n' },
    ];

    test.each(cases)('$model: invoke and stream put the reasoning in additional_kwargs.reasoning_content', async ({ model, system, template }) => {
      emu.script(model, { text: 'Paris.', stopReason: 'end_turn' });
      const chat = new ChatBedrockInvoke({ client, model });
      const reply = (await chat.invoke(prompt)) as AIMessage;
      expect(reply.content).toBe('Paris.');
      expect(reply.additional_kwargs.reasoning_content).toBe('The user wrote "Name the capital of France.". Reply with an echo.');
      const sent = emu.requests().at(-1)!.body as any;
      if (system) expect(sent.messages[0]).toEqual(system);
      if (template) expect(sent.prompt).toBe(template);

      emu.script(model, { text: 'Paris, France.', stopReason: 'end_turn' });
      const { merged, count } = await collect(await chat.stream(prompt));
      expect(count).toBeGreaterThan(3);
      expect(merged.content).toBe('Paris, France.');
      expect(merged.additional_kwargs.reasoning_content).toBe('The user wrote "Name the capital of France.". Reply with an echo.');
      expect(merged.response_metadata.stop_reason).toBe('stop');
      expect(emu.requests().at(-1)!.operation).toBe('InvokeModelWithResponseStream');
    });

    test('streaming: true folds the stream and keeps the reasoning', async () => {
      const model = 'openai.gpt-oss-120b-1:0';
      emu.script(model, { text: 'Folded.', stopReason: 'end_turn' });
      const reply = await new ChatBedrockInvoke({ client, model, streaming: true }).invoke(prompt);
      expect(reply.content).toBe('Folded.');
      expect(reply.additional_kwargs.reasoning_content).toContain('Name the capital of France.');
    });
  });

  describe('Anthropic tools', () => {
    const model = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
    const getWeather = tool(async ({ city }) => `Sunny in ${city}`, {
      name: 'get_weather',
      description: 'Current weather of a city',
      schema: z.object({ city: z.string() }),
    });

    test('tool call round trip: tools in the body, tool_use -> tool_calls, ToolMessage -> tool_result', async () => {
      emu.script(model, { toolUse: { name: 'get_weather', input: { city: 'Paris' }, toolUseId: 'toolu_emu1' } });
      const chat = new ChatBedrockInvoke({ client, model }).bindTools([getWeather]);
      const question = new HumanMessage('Weather in Paris?');
      const first = (await chat.invoke([question])) as AIMessage;
      const sent = emu.requests().at(-1)!.body as any;
      expect(sent.tools).toEqual([
        expect.objectContaining({
          name: 'get_weather',
          description: 'Current weather of a city',
          input_schema: expect.objectContaining({ properties: { city: { type: 'string' } } }),
        }),
      ]);
      expect(first.tool_calls).toEqual([
        { type: 'tool_call', id: 'toolu_emu1', name: 'get_weather', args: { city: 'Paris' } },
      ]);
      expect(first.response_metadata.stop_reason).toBe('tool_use');

      emu.script(model, { text: 'It is sunny in Paris.', stopReason: 'end_turn' });
      const result = await getWeather.invoke(first.tool_calls![0]!);
      const second = await chat.invoke([question, first, result as ToolMessage]);
      expect(second.content).toBe('It is sunny in Paris.');
      const followUp = emu.requests().at(-1)!.body as any;
      expect(followUp.messages[1]).toEqual({
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'toolu_emu1', name: 'get_weather', input: { city: 'Paris' } }],
      });
      expect(followUp.messages[2]).toEqual({
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_emu1', content: 'Sunny in Paris' }],
      });
    });

    test('streamed tool call: input_json_delta -> tool_call_chunks -> tool_calls', async () => {
      emu.script(model, { toolUse: { name: 'get_weather', input: { city: 'Rome' }, toolUseId: 'toolu_emu2' } });
      const chat = new ChatBedrockInvoke({ client, model }).bindTools([getWeather], { tool_choice: 'any' });
      const { merged } = await collect(await chat.stream('Weather in Rome?'));
      expect(merged.tool_call_chunks?.length).toBeGreaterThan(0);
      expect(merged.tool_calls).toEqual([
        { type: 'tool_call', id: 'toolu_emu2', name: 'get_weather', args: { city: 'Rome' } },
      ]);
      expect((emu.requests().at(-1)!.body as any).tool_choice).toEqual({ type: 'any' });
    });
  });

  describe('bad input is rejected before any request', () => {
    test('unknown family, bad numbers, bad modelKwargs, tools on a family without tools', async () => {
      const before = emu.stats().requests.total;
      expect(() => new ChatBedrockInvoke({ client, model: 'acme.chat-v1:0' })).toThrow(
        expect.objectContaining({ code: 'ERR_MODEL_UNKNOWN_FAMILY', field: 'model' }),
      );
      expect(() => new ChatBedrockInvoke({ client, model: '' })).toThrow(ModelValidationError);
      expect(() => new ChatBedrockInvoke({ client, model: 'meta.llama3-8b-instruct-v1:0', maxTokens: 0 })).toThrow(
        expect.objectContaining({ code: 'ERR_MODEL_INVALID_NUMBER', field: 'maxTokens' }),
      );
      expect(
        () => new ChatBedrockInvoke({ client, model: 'meta.llama3-8b-instruct-v1:0', modelKwargs: [1] as never }),
      ).toThrow(expect.objectContaining({ code: 'ERR_MODEL_INVALID_KWARGS', field: 'modelKwargs' }));
      const llama = new ChatBedrockInvoke({ client, model: 'meta.llama3-8b-instruct-v1:0' });
      expect(() => llama.bindTools([{ name: 'f', input_schema: { type: 'object' } }])).toThrow(
        expect.objectContaining({ code: 'ERR_MODEL_TOOLS_NOT_SUPPORTED', field: 'tools' }),
      );
      await expect(llama.invoke('x', { tools: [{ name: 'f', input_schema: { type: 'object' } }] })).rejects.toThrow(
        ModelValidationError,
      );
      expect(emu.stats().requests.total).toBe(before);
    });
  });
});

describe('aborting a stream', () => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;
  const model = 'anthropic.claude-3-haiku-20240307-v1:0';
  const longText = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');

  beforeAll(async () => {
    // Frames spaced out so the abort lands mid-stream (a pacing knob, nothing is timed).
    emu = await startEmulator({ tls: true, streamChunkDelayMs: 5 });
    client = emulatorClient(emu);
    emu.script(model, { text: longText, stopReason: 'end_turn' });
  });
  afterAll(async () => {
    client?.destroy();
    await emu?.close();
  });

  /** LangChain rethrows the signal's reason, or `Error('Aborted')` when the reason is from another realm (jest). */
  function isAbortError(error: unknown): boolean {
    const e = error as Error | undefined;
    return e?.name === 'AbortError' || e?.message === 'Aborted';
  }

  async function abortAfterFirstChunk(chat: ChatBedrockInvoke): Promise<{ chunks: number; error: unknown }> {
    const controller = new AbortController();
    let chunks = 0;
    let error: unknown;
    try {
      for await (const chunk of await chat.stream('Talk', { signal: controller.signal })) {
        if (chunk.content) {
          chunks++;
          controller.abort();
        }
      }
    } catch (e) {
      error = e;
    }
    return { chunks, error };
  }

  test('drained abort: no request left open, and the next call reuses the connection', async () => {
    await new ChatBedrockInvoke({ client, model }).invoke('warm up');
    const accepted = emu.stats().connections.accepted;
    const chat = new ChatBedrockInvoke({ client, model, drainTimeoutMs: 30_000 });
    const { chunks, error } = await abortAfterFirstChunk(chat);
    expect(chunks).toBe(1);
    expect(isAbortError(error)).toBe(true);
    await eventually(() => emu.stats().requests.inFlight === 0);
    // The server finishing is not the client finishing: wait until the background drain has handed the socket back
    // (on a loaded machine the next call would otherwise open a second connection while the drain still reads).
    await eventually(() => freeSocketsOf(client) === 1);
    const reply = await chat.invoke('again');
    expect(reply.content).toBe(longText);
    expect(emu.stats().connections.accepted).toBe(accepted);
  });

  test('abort with no drain budget destroys the request: nothing left in flight, a new connection next', async () => {
    await new ChatBedrockInvoke({ client, model }).invoke('warm up');
    const accepted = emu.stats().connections.accepted;
    const chat = new ChatBedrockInvoke({ client, model, drainTimeoutMs: 0 });
    const { chunks, error } = await abortAfterFirstChunk(chat);
    expect(chunks).toBe(1);
    expect(isAbortError(error)).toBe(true);
    await eventually(() => emu.stats().requests.inFlight === 0);
    await chat.invoke('again');
    expect(emu.stats().connections.accepted).toBe(accepted + 1);
  });

  test('abort while waiting for the first byte cancels the request on the wire', async () => {
    emu.setFaults({ firstByteDelayMs: Infinity, operations: ['InvokeModelWithResponseStream'] });
    try {
      const controller = new AbortController();
      const chat = new ChatBedrockInvoke({ client, model });
      const pending = (async () => {
        for await (const _ of await chat.stream('x', { signal: controller.signal })) void _;
      })();
      await eventually(() => emu.stats().requests.inFlight === 1);
      controller.abort();
      await expect(pending).rejects.toThrow();
      await eventually(() => emu.stats().requests.inFlight === 0);
    } finally {
      emu.setFaults({});
    }
  });

  test('an already-aborted signal sends nothing', async () => {
    const chat = new ChatBedrockInvoke({ client, model });
    const controller = new AbortController();
    controller.abort();
    await expect(chat.invoke('x', { signal: controller.signal })).rejects.toThrow();
    const before = emu.stats().requests.total;
    await expect(
      (async () => {
        for await (const _ of await chat.stream('x', { signal: controller.signal })) void _;
      })(),
    ).rejects.toThrow();
    expect(emu.stats().requests.total).toBe(before);
  });
});
