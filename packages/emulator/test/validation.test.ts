import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { userMessage } from './support/clients';
import { jsonBody, useEmulator } from './support/shared-emulator';
import { rawRequest } from './support/raw-request';

const CLAUDE = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

describe('validation like Bedrock', () => {
  const { emu, client } = useEmulator();

  it.each([
    ['temperature above 1', { temperature: 1.5 }, 'inferenceConfig.temperature'],
    ['temperature below 0', { temperature: -0.1 }, 'inferenceConfig.temperature'],
    ['maxTokens below 1', { maxTokens: 0 }, 'inferenceConfig.maxTokens'],
    ['topP above 1', { topP: 2 }, 'inferenceConfig.topP'],
  ])('Converse rejects %s', async (_label, inferenceConfig, field) => {
    await expect(client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('x')], inferenceConfig }))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringContaining(field),
    });
  });

  it('Converse rejects a conversation starting with the assistant, and an unknown model', async () => {
    await expect(
      client().send(new ConverseCommand({ modelId: CLAUDE, messages: [{ role: 'assistant', content: [{ text: 'x' }] }] })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('start with a user message') });
    await expect(client().send(new ConverseCommand({ modelId: 'acme.unknown-model-v1', messages: [userMessage('x')] }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'The provided model identifier is invalid.',
    });
    await expect(client().send(new ConverseCommand({ modelId: 'amazon.titan-embed-text-v2:0', messages: [userMessage('x')] }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('InvokeModel rejects malformed JSON and missing required fields', async () => {
    await expect(client().send(new InvokeModelCommand({ modelId: CLAUDE, body: new TextEncoder().encode('{not json') }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Malformed input request'),
    });
    await expect(
      client().send(new InvokeModelCommand({ modelId: CLAUDE, body: jsonBody({ anthropic_version: 'bedrock-2023-05-31', messages: [userMessage('x')] }) })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('max_tokens') });
    await expect(client().send(new InvokeModelCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', body: jsonBody({ max_gen_len: 5 }) }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("'prompt'"),
    });
    await expect(
      client().send(new InvokeModelCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', body: jsonBody({ prompt: 'x', temperature: 3 }) })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('temperature') });
  });

  it('answers unknown routes with 404 UnknownOperationException', async () => {
    const res = await rawRequest(emu(), 'POST', '/model/x/unknown-op', '{}');
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(JSON.parse(res.body)).toEqual({ message: expect.any(String) });
    expect(res.headers['x-amzn-requestid']).toEqual(expect.any(String));
  });

  it('every response carries x-amzn-requestid and a current Date', async () => {
    const res = await rawRequest(emu(), 'GET', '/');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(String(res.headers['date'])) - Date.now())).toBeLessThan(60_000);
  });

  it('max tokens truncates with stopReason max_tokens; stop sequences cut with stop_sequence', async () => {
    const long = await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('a fairly long question here')], inferenceConfig: { maxTokens: 2 } }));
    expect(long.stopReason).toBe('max_tokens');
    expect(long.output?.message?.content?.[0]?.text).toBe('Echo: a ');
    expect(long.usage).toEqual({ inputTokens: 7, outputTokens: 2, totalTokens: 9 });
    const stopped = await client().send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('one STOP two')], inferenceConfig: { stopSequences: ['STOP'] } }));
    expect(stopped.stopReason).toBe('stop_sequence');
    expect(stopped.output?.message?.content?.[0]?.text).toBe('Echo: one ');
  });
});
