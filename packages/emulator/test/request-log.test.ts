import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';
import { jsonBody } from './support/shared-emulator';
import { rawRequest } from './support/raw-request';

const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';
const COHERE = 'cohere.embed-english-v3';

describe('requests(): the request log', () => {
  let emu: RunningEmulator;
  let single: ReturnType<typeof keepAliveClient>;
  beforeAll(async () => {
    emu = await startEmulator();
    single = keepAliveClient(emu, { maxAttempts: 1 });
  });
  afterAll(async () => {
    single.destroy();
    await emu.close();
  });
  beforeEach(() => {
    emu.setFaults({});
    emu.resetStats();
  });

  const converse = async (text: string): Promise<string | undefined> =>
    (await single.client.send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage(text)] }))).$metadata.requestId;

  it('numbers entries with an increasing seq and the x-amzn-requestid answered', async () => {
    const ids = [await converse('one'), await converse('two'), await converse('three')];
    const log = emu.requests();
    expect(log.map((r) => r.lastUserText)).toEqual(['one', 'two', 'three']);
    expect(log.map((r) => r.requestId)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    const seqs = log.map((r) => r.seq);
    expect(seqs[1]).toBe(seqs[0]! + 1);
    expect(seqs[2]).toBe(seqs[1]! + 1);
    expect(log.every((r) => r.error === undefined)).toBe(true);
  });

  it('resetStats() clears the log; seq keeps counting across it', async () => {
    await converse('before');
    const before = emu.requests();
    expect(before).toHaveLength(1);
    emu.resetStats();
    expect(emu.requests()).toEqual([]);
    await converse('after');
    const after = emu.requests();
    expect(after.map((r) => r.lastUserText)).toEqual(['after']);
    expect(after[0]!.seq).toBe(before[0]!.seq + 1);
  });

  it('logs a request the operation rejected, with the error name: a Titan body sent to a Cohere model', async () => {
    const error = (await single.client
      .send(new InvokeModelCommand({ modelId: COHERE, body: jsonBody({ inputText: 'a' }), contentType: 'application/json' }))
      .catch((e: unknown) => e)) as { name: string; $metadata: { requestId?: string } };
    expect(error.name).toBe('ValidationException');
    expect(emu.stats().requests).toMatchObject({ total: 1, errors: 1 });
    expect(emu.requests()).toEqual([
      {
        seq: expect.any(Number),
        requestId: error.$metadata.requestId,
        operation: 'InvokeModel',
        modelId: COHERE,
        family: 'cohere-embed',
        body: { inputText: 'a' },
        error: 'ValidationException',
      },
    ]);
  });

  it('logs a body that is not JSON as its text, and an unknown model as family unknown', async () => {
    await expect(single.client.send(new InvokeModelCommand({ modelId: CLAUDE, body: new TextEncoder().encode('not json{') }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(single.client.send(new ConverseCommand({ modelId: 'acme.unknown-v1', messages: [userMessage('x')] }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const [notJson, unknown] = emu.requests();
    expect(notJson).toMatchObject({ operation: 'InvokeModel', body: 'not json{', error: 'ValidationException' });
    expect(unknown).toMatchObject({ operation: 'Converse', modelId: 'acme.unknown-v1', family: 'unknown', error: 'ValidationException' });
    expect(emu.stats().requests.errors).toBe(2);
  });

  it('does not log auth failures, injected faults or non-model routes', async () => {
    const unsigned = await rawRequest(emu, 'POST', `/model/${CLAUDE}/converse`, JSON.stringify({ messages: [userMessage('x')] }), {
      'content-type': 'application/json',
    });
    expect(unsigned.status).toBe(403);
    emu.setFaults({ throttle: { count: 1 } });
    await expect(converse('throttled')).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect((await rawRequest(emu, 'GET', '/ping')).status).toBe(200);
    expect(emu.stats().requests).toMatchObject({ total: 3, errors: 2, nonModel: 1 });
    expect(emu.requests()).toEqual([]);
    await converse('served');
    expect(emu.requests().map((r) => r.lastUserText)).toEqual(['served']);
  });

  it('a reply script sees seq and requestId', async () => {
    emu.script(CLAUDE, (view) => ({ text: `seq ${view.seq} id ${view.requestId}` }));
    try {
      const out = await single.client.send(new ConverseCommand({ modelId: CLAUDE, messages: [userMessage('who am i')] }));
      const [entry] = emu.requests();
      expect(out.output?.message?.content?.[0]?.text).toBe(`seq ${entry!.seq} id ${out.$metadata.requestId}`);
    } finally {
      emu.script(CLAUDE, undefined);
    }
  });
});
