import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, createComponent, type ComponentContext } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { AmazonBedrockModelError, ChatBedrockInvoke, amazonBedrockModelDefinition as definition } from '../src';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const PROFILE_KEYS = { accessKeyId: 'AKIAEMULATORPROFILE01', secretAccessKey: 'profileSecret/NotForAws/000000000000001' };
const CHAIN_KEYS = { accessKeyId: 'AKIAEMULATORCHAIN0001', secretAccessKey: 'chainSecret/NotForAws/00000000000000001' };

describe('AmazonBedrockModel component on a pooled client', () => {
  let emu: RunningEmulator;
  let pool: BedrockPool;
  let ctx: ComponentContext;
  let staticValues: Record<string, unknown>;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true, credentials: [TEST_CREDENTIALS, PROFILE_KEYS, CHAIN_KEYS] });
    // The operator allows the emulator for host credentials (variables, profiles, the environment).
    pool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] }, defaults: { tls: { ca: emu.ca } } });
    ctx = { graphId: 'flow-1', nodeId: 'AmazonBedrockModel-AbC12', pool, env: false };
    staticValues = {
      aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
      aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
      region_name: 'us-east-1',
      endpoint_url: emu.url,
      model_id: MODEL,
    };
  });
  afterAll(async () => {
    await pool?.close();
    await emu?.close();
  });

  test('text_response: system + input, list-of-dicts model_kwargs merged in order into the body', async () => {
    emu.script(MODEL, { text: 'Paris.', stopReason: 'end_turn' });
    const node = createComponent(definition, ctx, {
      ...staticValues,
      input_value: 'Capital of France?',
      system_message: 'Be terse.',
      model_kwargs: [{ top_k: 5, temperature: 0.9 }, { top_k: 9 }],
    });
    const reply = await node.text_response();
    expect(reply).toMatchObject({ text: 'Paris.', streamed: false, responseMetadata: { model_id: MODEL, stop_reason: 'end_turn' } });
    expect(reply.usage?.total_tokens).toBeGreaterThan(0);
    const seen = emu.requests().at(-1)!;
    expect(seen.operation).toBe('InvokeModel');
    expect(seen.body).toMatchObject({ system: 'Be terse.', top_k: 9, temperature: 0.9 });
  });

  test('text_response with stream on: InvokeModelWithResponseStream, tokens to onToken', async () => {
    emu.script(MODEL, { text: 'Paris is the capital of France.', stopReason: 'end_turn' });
    const node = createComponent(definition, ctx, { ...staticValues, input_value: 'Capital?', stream: true });
    const tokens: string[] = [];
    const reply = await node.text_response({ onToken: (t: string) => void tokens.push(t) });
    expect(reply).toMatchObject({ text: 'Paris is the capital of France.', streamed: true, responseMetadata: { stop_reason: 'end_turn' } });
    expect(reply.usage?.output_tokens).toBeGreaterThan(0);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe(reply.text);
    expect(emu.requests().at(-1)!.operation).toBe('InvokeModelWithResponseStream');
  });

  test('build_model: a ChatBedrockInvoke on the pooled client; 100 rebuilds reuse one client and one connection', async () => {
    // A fresh emulator so its counters see only this node's traffic.
    const own = await startEmulator({ tls: true });
    const ownPool = new BedrockPool({ defaults: { tls: { ca: own.ca } } });
    try {
      own.script(MODEL, { text: 'ok', stopReason: 'end_turn' });
      const rebuildCtx = { ...ctx, pool: ownPool, nodeId: 'AmazonBedrockModel-Rebuild' };
      const values = { ...staticValues, endpoint_url: own.url };
      const clients = new Set<unknown>();
      for (let run = 0; run < 100; run++) {
        // A flow run builds the graph afresh: new component instance, new model object, same node identity.
        const model = createComponent(definition, rebuildCtx, values).build_model();
        expect(model).toBeInstanceOf(ChatBedrockInvoke);
        clients.add(model.client);
        expect((await model.invoke(`run ${run}`)).content).toBe('ok');
      }
      expect(clients.size).toBe(1);
      const stats = own.stats();
      expect(stats.requests.byOperation.InvokeModel).toBe(100);
      expect(stats.connections.accepted).toBe(1);
      expect(stats.tls.handshakes).toBe(1);
    } finally {
      await ownPool.close();
      await own.close();
    }
  });

  test('the built model and its client never show the secret (inspect, JSON), even after credentials resolve', async () => {
    emu.script(MODEL, { text: 'ok', stopReason: 'end_turn' });
    const model = createComponent(definition, { ...ctx, nodeId: 'AmazonBedrockModel-Inspect' }, staticValues).build_model();
    await model.invoke('hi');
    const shown = inspect(model, { depth: 12 }) + JSON.stringify(model) + String(model);
    expect(shown).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(inspect(model, { depth: 12 })).toContain('ChatBedrockInvoke');
  });

  test('credential precedence: static keys, then profile, then the default chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-model-'));
    const saved = { ...process.env };
    try {
      writeFileSync(
        join(dir, 'credentials'),
        `[emu]\naws_access_key_id = ${PROFILE_KEYS.accessKeyId}\naws_secret_access_key = ${PROFILE_KEYS.secretAccessKey}\n`,
      );
      writeFileSync(join(dir, 'config'), '');
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
      process.env.AWS_CONFIG_FILE = join(dir, 'config');
      process.env.AWS_ACCESS_KEY_ID = CHAIN_KEYS.accessKeyId;
      process.env.AWS_SECRET_ACCESS_KEY = CHAIN_KEYS.secretAccessKey;
      emu.script(MODEL, { text: 'ok', stopReason: 'end_turn' });
      const base = { region_name: 'us-east-1', endpoint_url: emu.url, model_id: MODEL, input_value: 'hi' };
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['static', { ...staticValues, input_value: 'hi', credentials_profile_name: 'emu' }, TEST_CREDENTIALS.accessKeyId],
        ['profile', { ...base, credentials_profile_name: 'emu' }, PROFILE_KEYS.accessKeyId],
        ['default', base, CHAIN_KEYS.accessKeyId],
      ];
      for (const [label, values, expectedKey] of cases) {
        const before = emu.stats().auth.byAccessKeyId[expectedKey] ?? 0;
        const node = createComponent(definition, { ...ctx, nodeId: `AmazonBedrockModel-${label}` }, values);
        await node.text_response();
        expect([label, emu.stats().auth.byAccessKeyId[expectedKey]]).toEqual([label, before + 1]);
      }
    } finally {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an error answer from Bedrock says it is the API\'s answer, with the AWS error name, request id and status, and no secret', async () => {
    const wrongSecret = 'wrongSecret/DoNotLeak/000000000000000000001';
    const node = createComponent(definition, { ...ctx, nodeId: 'AmazonBedrockModel-BadKey' }, {
      ...staticValues,
      aws_secret_access_key: wrongSecret,
      input_value: 'hi',
    });
    const error = (await node.text_response().catch((e: unknown) => e)) as AmazonBedrockModelError;
    expect(error).toBeInstanceOf(AmazonBedrockModelError);
    expect(error.code).toBe('ERR_MODEL_BEDROCK_API_FAILED');
    expect(error.message.startsWith('AmazonBedrock API error: InvalidSignatureException: ')).toBe(true);
    expect(error.message).toContain('HTTP 403');
    expect(error.aws).toMatchObject({ name: 'InvalidSignatureException', answered: true, fault: 'client', httpStatusCode: 403 });
    expect(error.awsErrorName).toBe('InvalidSignatureException');
    expect(error.httpStatusCode).toBe(403);
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.message).toContain(error.requestId!);
    expect(error.message).not.toContain(wrongSecret);
    // The cause is a sanitised copy: the SDK's hidden `$response` (signed request headers) is not kept.
    expect(error.cause).toMatchObject({ name: 'InvalidSignatureException' });
    expect((error.cause as Record<string, unknown>)['$response']).toBeUndefined();
  });

  test('no answer at all (nothing listens on the endpoint) reads "Could not connect to AmazonBedrock API."', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const node = createComponent(definition, { ...ctx, nodeId: 'AmazonBedrockModel-NoListener' }, {
      ...staticValues,
      endpoint_url: `https://127.0.0.1:${port}`,
      input_value: 'hi',
    });
    const error = (await node.text_response().catch((e: unknown) => e)) as AmazonBedrockModelError;
    expect(error).toBeInstanceOf(AmazonBedrockModelError);
    expect(error.code).toBe('ERR_MODEL_CONNECTION_FAILED');
    expect(error.message).toMatch(/^Could not connect to AmazonBedrock API\. .*ECONNREFUSED/);
    expect(error.aws).toMatchObject({ answered: false, httpStatusCode: undefined });
    expect(error.requestId).toBeUndefined();
  });

  test('an in-stream exception keeps the AWS error name and the request id of the stream response', async () => {
    emu.setFaults({ streamException: { afterFrames: 2, exceptionType: 'modelStreamErrorException', message: 'stream broke' } });
    try {
      const node = createComponent(definition, { ...ctx, nodeId: 'AmazonBedrockModel-StreamFault' }, { ...staticValues, input_value: 'a b c d e f', stream: true });
      const error = (await node.text_response().catch((e: unknown) => e)) as AmazonBedrockModelError;
      expect(error).toBeInstanceOf(AmazonBedrockModelError);
      expect(error.awsErrorName).toBe('ModelStreamErrorException');
      const served = emu.requests().at(-1)!;
      expect(served.operation).toBe('InvokeModelWithResponseStream');
      expect(error.requestId).toBe(served.requestId);
      expect(error.message).toContain(`(request id ${served.requestId})`);
    } finally {
      emu.setFaults({});
    }
  });
});

describe('AmazonBedrockModel rejects bad inputs before any request', () => {
  let emu: RunningEmulator;
  let pool: BedrockPool;
  let ctx: ComponentContext;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
    // The operator allows the emulator for host credentials (variables, profiles, the environment).
    pool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] }, defaults: { tls: { ca: emu.ca } } });
    ctx = { graphId: 'flow-2', nodeId: 'AmazonBedrockModel-Bad', pool, env: false };
  });
  afterAll(async () => {
    await pool?.close();
    await emu?.close();
  });

  const good = () => ({
    aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
    aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
    endpoint_url: emu.url,
    input_value: 'hi',
  });

  async function failure(values: Record<string, unknown>): Promise<ComponentValidationError> {
    let error: unknown;
    try {
      const node = createComponent(definition, ctx, values);
      await node.text_response();
      node.build_model();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComponentValidationError);
    return error as ComponentValidationError;
  }

  test.each([
    ['unknown model family', { model_id: 'acme.chat-v1:0' }, 'model_id', /^Invalid inputs for AmazonBedrockModel: model_id: /],
    ['unknown family suggests Converse', { model_id: 'us.acme.chat-v1:0' }, 'model_id', /AmazonBedrockConverseModel/],
    ['embedding model', { model_id: 'amazon.titan-embed-text-v2:0' }, 'model_id', /Supported families/],
    ['half a key pair', { aws_secret_access_key: null }, 'aws_access_key_id', /^(Could not create an AWS SDK session: |Invalid inputs)/],
    ['model_kwargs not a dict', { model_kwargs: ['top_k=5'] }, 'model_kwargs', /model_kwargs/],
    ['bad region', { region_name: 'mars-north-1x' }, 'region_name', /region_name/],
    ['bad endpoint', { endpoint_url: 'ftp://127.0.0.1:1' }, 'endpoint_url', /endpoint_url/],
    ['empty input', { input_value: '' }, 'input_value', /input_value/],
  ] as Array<[string, Record<string, unknown>, string, RegExp]>)('%s', async (_label, override, field, message) => {
    const values: Record<string, unknown> = { ...good(), ...override };
    if (override.aws_secret_access_key === null) {
      // Half a pair: only the secret is set.
      delete values.aws_secret_access_key;
      values.aws_access_key_id = null;
      values.aws_secret_access_key = TEST_CREDENTIALS.secretAccessKey;
    }
    const error = await failure(values);
    expect(error.issues.map((i) => i.field)).toContain(field);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(emu.stats().requests.total).toBe(0);
    expect(emu.stats().connections.accepted).toBe(0);
  });
});
