import { inspect } from 'node:util';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { TEST_CREDENTIALS, type ModelRequestView, type RunningEmulator } from '@bedrock-flow/emulator';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatBedrockConverse } from '@langchain/aws';
import { z } from 'zod';
import { amazonBedrockConverseDefinition, ConverseApiError, type TextResponse } from '../src';
import { useEmulatorAndPool } from './support/emulator-and-pool';

let emu: RunningEmulator;
let pool: BedrockPool;
useEmulatorAndPool((started) => ({ emu, pool } = started));

beforeEach(() => {
  emu.resetStats();
  emu.setFaults({});
});

const inputs = (extra: Record<string, unknown> = {}) => ({
  endpoint_url: emu.url,
  aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
  aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
  input_value: 'Hello there',
  ...extra,
});
const context = (extra: Partial<ComponentContext> = {}): ComponentContext => ({
  graphId: 'flow-int',
  nodeId: 'AmazonBedrockConverseModel-Int01',
  pool,
  env: {},
  ...extra,
});
const build = (extra: Record<string, unknown> = {}, ctx: Partial<ComponentContext> = {}) =>
  createComponent(amazonBedrockConverseDefinition, context(ctx), inputs(extra));
const lastRequest = (): ModelRequestView => emu.requests().at(-1)!;
const bodyOf = (view: ModelRequestView) => view.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('text_response', () => {
  it('invokes with the system message and the inference config, and returns text and usage', async () => {
    const result: TextResponse = await build({ system_message: 'Be brief.' }).text_response();
    expect(result.text).toBe('Echo: Hello there');
    expect(result.streamed).toBe(false);
    expect(result.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) });
    expect(result.usage!.output_tokens).toBeGreaterThan(0);
    expect((result.responseMetadata.$metadata as { requestId?: string }).requestId).toEqual(expect.any(String));
    const view = lastRequest();
    expect(view.operation).toBe('Converse');
    expect(view.modelId).toBe('anthropic.claude-3-5-sonnet-20241022-v2:0');
    const body = bodyOf(view);
    expect(body.system).toEqual([{ text: 'Be brief.' }]);
    expect(body.messages).toEqual([{ role: 'user', content: [{ text: 'Hello there' }] }]);
    expect(body.inferenceConfig).toEqual({ maxTokens: 4096, temperature: 0.7, topP: 0.9 });
    expect(body.additionalModelRequestFields).toEqual({ top_k: 250 });
    expect(emu.stats().requests.total).toBe(1);
  });

  it('streams when stream is on: tokens arrive in order through onToken and join to the text', async () => {
    const tokens: string[] = [];
    const result = await build({ stream: true, input_value: 'one two three four five' }).text_response({ onToken: (t: string) => { tokens.push(t); } });
    expect(result.streamed).toBe(true);
    expect(result.text).toBe('Echo: one two three four five');
    expect(tokens).toEqual(['Echo: ', 'one ', 'two ', 'three ', 'four ', 'five']);
    expect(result.usage?.output_tokens).toBeGreaterThan(0);
    expect(emu.stats().requests.byOperation).toEqual({ ConverseStream: 1 });
  });

  it('text_response_stream yields the tokens as an async iterator and returns the response', async () => {
    const tokens = build({ input_value: 'red green blue' }).text_response_stream();
    const seen: string[] = [];
    let step = await tokens.next();
    while (!step.done) {
      seen.push(step.value);
      step = await tokens.next();
    }
    expect(seen).toEqual(['Echo: ', 'red ', 'green ', 'blue']);
    expect(step.value).toMatchObject({ text: 'Echo: red green blue', streamed: true });
    expect(emu.stats().requests.byOperation).toEqual({ ConverseStream: 1 });
  });

  it('disable_streaming makes a streamed response fall back to one Converse call', async () => {
    const tokens: string[] = [];
    const result = await build({ stream: true, disable_streaming: true }).text_response({ onToken: (t: string) => { tokens.push(t); } });
    expect(result.text).toBe('Echo: Hello there');
    expect(tokens).toEqual(['Echo: Hello there']);
    expect(emu.stats().requests.byOperation).toEqual({ Converse: 1 });
  });

  it('keeps the AWS error name and request id, and no secret, in a Converse API error', async () => {
    const wrongSecret = 'wrongSecretValue/ShouldNeverBeShown000';
    const error = await build({ aws_access_key_id: 'AKIAUNKNOWN000000001', aws_secret_access_key: wrongSecret }).text_response().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConverseApiError);
    const apiError = error as ConverseApiError;
    expect(apiError.code).toBe('ERR_CONVERSE_API_FAILED');
    expect(apiError.message).toMatch(/^Converse API error: UnrecognizedClientException: .+ \(request id [\w-]+, HTTP 403\)$/);
    expect(apiError.requestId).toEqual(expect.any(String));
    expect(apiError.$metadata?.httpStatusCode).toBe(403);
    expect(apiError.message).not.toContain(wrongSecret);
    expect(emu.stats().auth.failures).toBe(1);
  });

  it('keeps a sanitised SDK error as cause: no $response, so showHidden never reaches the session token', async () => {
    const sessionToken = 'session-token-canary-for-showHidden-7f3a';
    const error = (await build({ aws_access_key_id: 'AKIAUNKNOWN000000001', aws_secret_access_key: 'x'.repeat(40), aws_session_token: sessionToken })
      .text_response()
      .catch((e: unknown) => e)) as ConverseApiError;
    expect(error).toBeInstanceOf(ConverseApiError);
    expect(error.cause).toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    expect((error.cause as Record<string, unknown>)['$response']).toBeUndefined();
    expect(inspect(error, { showHidden: true, depth: 20 })).not.toContain(sessionToken);
  });

  it('reports a throttled call after the pool client\'s retries as a Converse API error', async () => {
    emu.setFaults({ throttle: { count: 3 } });
    // Own pool: the adaptive rate limiter this trips lives in the client and must not slow the other tests.
    const ownPool = new BedrockPool({ defaults: { tls: { ca: emu.ca! } } });
    const error = (await build({}, { pool: ownPool }).text_response().catch((e: unknown) => e).finally(() => ownPool.close())) as ConverseApiError;
    expect(error).toBeInstanceOf(ConverseApiError);
    expect(error.awsErrorName).toBe('ThrottlingException');
    expect(error.message).toMatch(/^Converse API error: ThrottlingException: .*\(request id [\w-]+, HTTP 429\)$/);
    expect(error.$metadata?.attempts).toBe(3);
    expect(emu.stats().requests.total).toBe(3);
  });

  it('reports an in-stream exception as a Converse API error', async () => {
    emu.setFaults({ streamException: { afterFrames: 2, exceptionType: 'modelStreamErrorException', message: 'boom' } });
    const tokens: string[] = [];
    const error = (await build({ stream: true, input_value: 'a b c d e f' }).text_response({ onToken: (t: string) => { tokens.push(t); } }).catch((e: unknown) => e)) as ConverseApiError;
    expect(error).toBeInstanceOf(ConverseApiError);
    expect(error.message).toMatch(/^Converse API error: ModelStreamErrorException: boom/);
    expect(tokens.length).toBeGreaterThan(0);
  });

  it('gives an in-stream exception the request id of the ConverseStream response, in the error and its message', async () => {
    emu.setFaults({ streamException: { afterFrames: 2, exceptionType: 'modelStreamErrorException', message: 'boom' } });
    const error = (await build({ stream: true, input_value: 'a b c d e f' }).text_response().catch((e: unknown) => e)) as ConverseApiError;
    expect(error).toBeInstanceOf(ConverseApiError);
    const served = lastRequest().requestId;
    expect(served).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.requestId).toBe(served);
    expect(error.awsErrorName).toBe('ModelStreamErrorException');
    expect(error.message).toContain(`(request id ${served}`);
    // The model built again on the same pooled client: the request-id middleware is on the client once.
    const again = (await build({ stream: true, input_value: 'a b c d e f' }).text_response().catch((e: unknown) => e)) as ConverseApiError;
    expect(again.requestId).toBe(lastRequest().requestId);
    expect(again.requestId).not.toBe(served);
  });

  it('aborts an in-flight call through the context signal', async () => {
    emu.setFaults({ firstByteDelayMs: Infinity });
    const controller = new AbortController();
    const pending = build({}, { signal: controller.signal }).text_response();
    while (emu.stats().requests.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(emu.stats().requests.total).toBe(1);
  });
});

describe('Top K gating and additional fields (body received by the emulator)', () => {
  it.each([
    ['anthropic.claude-3-haiku-20240307-v1:0', { top_k: 40 }],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', { top_k: 40 }],
    ['meta.llama3-8b-instruct-v1:0', undefined],
  ])('%s -> additionalModelRequestFields %j', async (model_id, expected) => {
    await build({ model_id, top_k: 40 }).text_response();
    const view = lastRequest();
    expect(view.modelId).toBe(model_id);
    expect(bodyOf(view).additionalModelRequestFields).toEqual(expected);
  });

  it('merges additional_model_fields in order, overriding Top K', async () => {
    await build({ top_k: 40, additional_model_fields: [{ top_k: 5, x: 1 }, { x: 2, stop_sequences: ['END'] }] }).text_response();
    expect(bodyOf(lastRequest()).additionalModelRequestFields).toEqual({ top_k: 5, x: 2, stop_sequences: ['END'] });
  });

  it('forwards only the values that are set', async () => {
    await build({ model_id: 'meta.llama3-8b-instruct-v1:0', temperature: null, top_p: null, max_tokens: 64 }).text_response();
    const body = bodyOf(lastRequest());
    expect(body.inferenceConfig).toEqual({ maxTokens: 64 });
    expect(body).not.toHaveProperty('additionalModelRequestFields');
  });
});

describe('build_model: a full LangChain chat model on the pooled client', () => {
  const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
  afterEach(() => emu.script(MODEL, undefined));

  it('is a ChatBedrockConverse that invokes, streams in order and batches', async () => {
    const model = build({ model_id: MODEL }).build_model();
    expect(model).toBeInstanceOf(ChatBedrockConverse);
    const reply = await model.invoke([new SystemMessage('sys'), new HumanMessage('ping')]);
    expect(reply.content).toBe('Echo: ping');
    const chunks: string[] = [];
    for await (const chunk of await model.stream('alpha beta gamma')) if (typeof chunk.content === 'string' && chunk.content) chunks.push(chunk.content);
    expect(chunks).toEqual(['Echo: ', 'alpha ', 'beta ', 'gamma']);
    const batch = await model.batch(['a', 'b', 'c']);
    expect(batch.map((m) => m.content)).toEqual(['Echo: a', 'Echo: b', 'Echo: c']);
    expect(emu.stats().requests.byOperation).toEqual({ Converse: 4, ConverseStream: 1 });
  });

  it('round-trips a tool call with bindTools', async () => {
    emu.script(MODEL, (request) =>
      JSON.stringify(request.body).includes('toolResult') ? { text: 'It is sunny in Paris.' } : { toolUse: { name: 'get_weather', input: { city: 'Paris' }, toolUseId: 'tooluse_1' } },
    );
    const getWeather = tool(async ({ city }: { city: string }) => `sunny in ${city}`, {
      name: 'get_weather',
      description: 'Weather of a city',
      schema: z.object({ city: z.string() }),
    });
    const model = build({ model_id: MODEL }).build_model().bindTools([getWeather]);
    const question = new HumanMessage('What is the weather in Paris?');
    const first = (await model.invoke([question])) as AIMessage;
    expect(first.tool_calls).toEqual([{ name: 'get_weather', args: { city: 'Paris' }, id: 'tooluse_1', type: 'tool_call' }]);
    expect(bodyOf(lastRequest()).toolConfig.tools[0].toolSpec).toMatchObject({ name: 'get_weather', inputSchema: { json: { type: 'object' } } });
    const toolMessage = await getWeather.invoke(first.tool_calls![0]!);
    const second = await model.invoke([question, first, toolMessage]);
    expect(second.content).toBe('It is sunny in Paris.');
    const sent = bodyOf(lastRequest()).messages;
    expect(sent.at(-1).content[0].toolResult).toMatchObject({ toolUseId: 'tooluse_1', content: [{ text: 'sunny in Paris' }] });
  });

  it('supports withStructuredOutput', async () => {
    emu.script(MODEL, { toolUse: { name: 'weather_report', input: { city: 'Oslo', celsius: -3 } } });
    const structured = build({ model_id: MODEL }).build_model().withStructuredOutput(z.object({ city: z.string(), celsius: z.number() }), { name: 'weather_report' });
    await expect(structured.invoke('Weather in Oslo?')).resolves.toEqual({ city: 'Oslo', celsius: -3 });
    expect(bodyOf(lastRequest()).toolConfig.toolChoice).toEqual({ tool: { name: 'weather_report' } });
  });

  it('honours an abort signal passed to invoke', async () => {
    emu.setFaults({ firstByteDelayMs: Infinity });
    const controller = new AbortController();
    const pending = build({ model_id: MODEL }).build_model().invoke('x', { signal: controller.signal });
    while (emu.stats().requests.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('client reuse', () => {
  it('two concurrent builds in a run and 100 rebuilds share one client and one connection', async () => {
    const ownPool = new BedrockPool({ defaults: { tls: { ca: emu.ca! } } });
    try {
      const ctx = { graphId: 'flow-reuse', nodeId: 'AmazonBedrockConverseModel-Reuse', pool: ownPool, env: {} };
      const first = createComponent(amazonBedrockConverseDefinition, ctx, inputs());
      const [a, b] = await Promise.all([Promise.resolve().then(() => first.build_model()), Promise.resolve().then(() => first.build_model())]);
      expect(a).not.toBe(b);
      expect(a.client).toBe(b.client);
      await a.invoke('first');
      await b.invoke('second');
      const clients = new Set([a.client]);
      for (let run = 0; run < 100; run += 1) {
        const instance = createComponent(amazonBedrockConverseDefinition, ctx, inputs({ input_value: `run ${run}` }));
        clients.add(instance.build_model().client);
        expect((await instance.text_response()).text).toBe(`Echo: run ${run}`);
      }
      expect(clients.size).toBe(1);
      const stats = emu.stats();
      expect(stats.requests.total).toBe(102);
      expect(stats.connections.accepted).toBe(1);
      expect(stats.tls.handshakes).toBe(1);
    } finally {
      await ownPool.close();
    }
  });
});
