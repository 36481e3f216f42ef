/**
 * The three nodes on the Bedrock API-key credential (`authentication: 'apiKey'`), in-process against the TLS
 * emulator with bearer auth: the key goes out as `Authorization: Bearer` (the emulator counts the request under
 * `bearer`, never under a SigV4 access key id), a wrong key is a clear `UnrecognizedClientException` without the key,
 * and nothing falls back to n8n's environment (`AWS_BEARER_TOKEN_BEDROCK`, AWS keys).
 */
import type { BaseChatModel as ChatModel } from '@langchain/core/language_models/chat_models';
import type { Embeddings as EmbeddingsType } from '@langchain/core/embeddings';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockFlowInvokeModel, currentN8nPool, EmbeddingsBedrockFlow, LmChatBedrockFlow, type BedrockApiKeyCredentialData } from '../src';
import { BaseChatModel, Embeddings } from './support/component-langchain';
import { emulatorAwsCredential, useEmulatorAndN8nPool } from './support/emulator-and-n8n-pool';
import { nodeContext, type NodeSetup } from './support/node-context';

const CHAT_MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';
const INVOKE_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
// Made-up Bedrock API keys (long-term keys are ABSK + base64). The emulator accepts the node's and the environment's
// key, so only its per-principal counts and a blank-key run show which one (if any) a node sent.
const API_KEY = 'ABSKQmVkcm9ja0FQSUtleS1uOG4tbm9kZS1rZXktMDAwMDE';
const ENV_API_KEY = 'ABSKQmVkcm9ja0FQSUtleS1uOG4tZW52LWtleS0wMDAwMQ';
const WRONG_KEY = 'ABSKQmVkcm9ja0FQSUtleS1uOG4td3Jvbmcta2V5LTAwMDE';

let emu: RunningEmulator;

function apiKeyCredential(overrides: Partial<BedrockApiKeyCredentialData> = {}): BedrockApiKeyCredentialData {
  return { apiKey: API_KEY, region: 'us-east-1', bedrockRuntimeEndpoint: emu.url, ...overrides };
}

function apiKeySetup(parameters: Record<string, unknown>, extra: Partial<NodeSetup> = {}): NodeSetup {
  return { credentialType: 'bedrockFlowApiKey', credential: apiKeyCredential(), parameters: { authentication: 'apiKey', ...parameters }, ...extra };
}

const chatParameters = (options: Record<string, unknown> = {}) => ({ model: { mode: 'list', value: CHAT_MODEL }, options });
const invokeParameters = { model: { mode: 'list', value: INVOKE_MODEL }, prompt: 'say hi', systemMessage: '', options: {} };

async function supplyChat(setup: NodeSetup): Promise<ChatModel> {
  const { response } = await new LmChatBedrockFlow().supplyData.call(nodeContext(setup), 0);
  return response as ChatModel;
}

/** Sets environment variables for the duration of `run`, then restores them. */
async function withEnvironment<T>(values: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

useEmulatorAndN8nPool((started) => {
  emu = started;
}, { bearerTokens: [API_KEY, ENV_API_KEY] });
beforeEach(() => emu.resetStats());

describe('chat model sub-node on a Bedrock API key', () => {
  it('sends the key as a bearer token: 5 executions = 5 bearer requests, 0 SigV4, one connection; only the API-key credential is read', async () => {
    const reads: string[] = [];
    for (let run = 0; run < 5; run++) {
      const model = await supplyChat(apiKeySetup(chatParameters({ temperature: 0.2 }), { nodeId: 'chat-key', credentialReads: reads }));
      expect(model).toBeInstanceOf(BaseChatModel);
      expect((await model.invoke(`key ${run}`)).content).toBe(`Echo: key ${run}`);
    }
    const stats = emu.stats();
    expect(stats.auth).toEqual({ failures: 0, byAccessKeyId: { bearer: 5 } });
    expect(stats.requests.byOperation.Converse).toBe(5);
    expect(stats.connections.accepted).toBe(1);
    expect(stats.tls.handshakes).toBe(1);
    expect(reads).toEqual(Array(5).fill('bedrockFlowApiKey'));
  });

  it('streams through ConverseStream on the bearer key', async () => {
    const model = await supplyChat(apiKeySetup(chatParameters(), { nodeId: 'chat-key-stream' }));
    let text = '';
    for await (const chunk of await model.stream('stream on a key')) text += String(chunk.content);
    expect(text).toBe('Echo: stream on a key');
    expect(emu.requests().at(-1)!.operation).toBe('ConverseStream');
    expect(emu.stats().auth.byAccessKeyId).toEqual({ bearer: 1 });
  });

  it('a node switched from AWS IAM to the API key moves to a new client (different credentials never share one)', async () => {
    // A region no other test uses, so neither config finds a warm slot of an earlier test.
    const region = 'eu-central-1';
    const iam: NodeSetup = { credential: emulatorAwsCredential(emu, { region }), parameters: chatParameters(), nodeId: 'switch' };
    await (await supplyChat(iam)).invoke('signed');
    const leases = () => currentN8nPool()!.metrics().slots.reduce((sum, slot) => sum + slot.leases, 0);
    const leasesBefore = leases();
    await (await supplyChat(apiKeySetup(chatParameters(), { nodeId: 'switch', credential: apiKeyCredential({ region }) }))).invoke('bearer');
    expect(emu.stats().auth.byAccessKeyId).toEqual({ [TEST_CREDENTIALS.accessKeyId]: 1, bearer: 1 });
    // Its own client (slot) with the API key; only the endpoint's connection is shared with the IAM client.
    const bearerSlot = currentN8nPool()!.metrics().slots.find((slot) => slot.region === region && slot.credentialSource === 'a Bedrock API key (bearer)');
    expect(bearerSlot).toMatchObject({ leases: 1, metrics: expect.objectContaining({ requests: 1 }) });
    expect(emu.stats().connections.accepted).toBeLessThanOrEqual(1);
    // The node's one lease moved to the bearer client.
    expect(leases()).toBe(leasesBefore);
  });

  it('a wrong key fails with UnrecognizedClientException and the request id, never the key', async () => {
    const model = await supplyChat(apiKeySetup(chatParameters(), { nodeId: 'chat-wrong', credential: apiKeyCredential({ apiKey: WRONG_KEY }) }));
    const error = (await model.invoke('hi').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/UnrecognizedClientException/);
    expect(error.message).toMatch(/request id \S+/);
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain(WRONG_KEY);
    // Not retried: an auth failure is final.
    expect(emu.stats().auth.failures).toBe(1);
    expect(emu.stats().auth.byAccessKeyId).toEqual({});
  });

  it('sends its own key even when AWS_BEARER_TOKEN_BEDROCK holds another one (which the emulator rejects)', async () => {
    const env = { AWS_BEARER_TOKEN_BEDROCK: WRONG_KEY };
    // A region of its own, so the client is created (and its credentials set up) while the variable is set.
    const setup = apiKeySetup(chatParameters(), { nodeId: 'chat-env', credential: apiKeyCredential({ region: 'ap-south-1' }) });
    const answer = await withEnvironment(env, async () => (await supplyChat(setup)).invoke('own key'));
    expect(answer.content).toBe('Echo: own key');
    expect(emu.stats().auth).toEqual({ failures: 0, byAccessKeyId: { bearer: 1 } });
  });

  it('a blank key fails before any request and never falls back to AWS_BEARER_TOKEN_BEDROCK or AWS keys in the environment', async () => {
    const env = { AWS_BEARER_TOKEN_BEDROCK: ENV_API_KEY, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey };
    const error = await withEnvironment(env, () => supplyChat(apiKeySetup(chatParameters(), { nodeId: 'chat-blank', credential: apiKeyCredential({ apiKey: '' }) })).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as NodeOperationError).message).toBe('Invalid parameter: Credential › API Key');
    expect((error as NodeOperationError).description).toMatch(/credential\.apiKey\): is empty/);
    expect(emu.stats().requests.total).toBe(0);
    expect(emu.stats().connections.accepted).toBe(0);
  });

  it('names every bad field in one error (key with whitespace, temperature), without the key, before any request', async () => {
    const badKey = 'ABSK with spaces';
    const error = await supplyChat(apiKeySetup(chatParameters({ temperature: 2 }), { credential: apiKeyCredential({ apiKey: badKey }) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    const { message, description } = error as NodeOperationError;
    expect(message).toContain('Credential › API Key');
    expect(message).toContain('Sampling Temperature');
    expect(description).toMatch(/\(api_key\): contains whitespace/);
    expect(`${message}\n${description}`).not.toContain(badKey);
    expect(emu.stats().requests.total).toBe(0);
  });

  it('an unknown authentication value is an error naming the parameter, not a fallback to some credential', async () => {
    const setup = apiKeySetup(chatParameters(), { nodeId: 'chat-unknown' });
    setup.parameters.authentication = 'instanceRole';
    const error = await supplyChat(setup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as NodeOperationError).message).toBe('Invalid parameter: Authentication');
    expect(setup.credentialReads).toEqual([]);
    expect(emu.stats().requests.total).toBe(0);
  });
});

describe('embeddings and InvokeModel on a Bedrock API key', () => {
  it('the embeddings sub-node embeds with the bearer key (Cohere: 100 texts = 2 requests)', async () => {
    const ctx = nodeContext(apiKeySetup({ model: { mode: 'id', value: 'cohere.embed-english-v3' }, options: {} }, { nodeId: 'embed-key' }));
    const { response } = await new EmbeddingsBedrockFlow().supplyData.call(ctx, 0);
    expect(response).toBeInstanceOf(Embeddings);
    expect(await (response as EmbeddingsType).embedDocuments(Array.from({ length: 100 }, (_, i) => `doc ${i}`))).toHaveLength(100);
    expect(emu.stats().auth.byAccessKeyId).toEqual({ bearer: 2 });
  });

  it('the InvokeModel node answers every item with the bearer key', async () => {
    const [items] = await new BedrockFlowInvokeModel().execute.call(nodeContext(apiKeySetup(invokeParameters, { nodeId: 'invoke-key', items: 3 })));
    expect(items!.map((item) => item.json.text)).toEqual(Array(3).fill('Echo: say hi'));
    expect(emu.stats().auth.byAccessKeyId).toEqual({ bearer: 3 });
  });

  it('a wrong key: NodeApiError naming UnrecognizedClientException, or an error item with Continue On Fail; never the key', async () => {
    const bad = apiKeySetup(invokeParameters, { nodeId: 'invoke-wrong', credential: apiKeyCredential({ apiKey: WRONG_KEY }) });
    const error = await new BedrockFlowInvokeModel().execute.call(nodeContext(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).description).toMatch(/UnrecognizedClientException.*request id .*HTTP 403/);
    expect(JSON.stringify({ message: (error as Error).message, description: (error as NodeApiError).description })).not.toContain(WRONG_KEY);
    const [items] = await new BedrockFlowInvokeModel().execute.call(nodeContext({ ...bad, continueOnFail: true }));
    expect(String(items![0]!.json.error)).toMatch(/UnrecognizedClientException/);
    expect(JSON.stringify(items)).not.toContain(WRONG_KEY);
    expect(emu.stats().auth.failures).toBe(2);
  });
});
