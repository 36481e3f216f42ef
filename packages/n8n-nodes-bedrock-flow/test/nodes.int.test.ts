import type { BaseChatModel as ChatModel } from '@langchain/core/language_models/chat_models';
import type { Embeddings as EmbeddingsType } from '@langchain/core/embeddings';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockFlowInvokeModel, closeN8nPool, configureN8nPool, currentN8nPool, EmbeddingsBedrockFlow, LmChatBedrockFlow, type AwsCredentialData } from '../src';
import { BaseChatModel, Embeddings } from './support/component-langchain';
import { emulatorAwsCredential, useEmulatorAndN8nPool } from './support/emulator-and-n8n-pool';
import { nodeContext, type NodeSetup } from './support/node-context';

const CHAT_MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

let emu: RunningEmulator;

function credential(overrides: Partial<AwsCredentialData> = {}): AwsCredentialData {
  return emulatorAwsCredential(emu, overrides);
}

function chatSetup(options: Record<string, unknown> = {}, extra: Partial<NodeSetup> = {}): NodeSetup {
  return { credential: credential(), parameters: { model: { mode: 'list', value: CHAT_MODEL }, options }, ...extra };
}

async function supplyChat(setup: NodeSetup): Promise<ChatModel> {
  const { response } = await new LmChatBedrockFlow().supplyData.call(nodeContext(setup), 0);
  return response as ChatModel;
}

useEmulatorAndN8nPool((started) => {
  emu = started;
});
beforeEach(() => emu.resetStats());

describe('chat model sub-node', () => {
  it('supplies a LangChain chat model; 20 executions of one node share one connection and one handshake', async () => {
    for (let run = 0; run < 20; run++) {
      const model = await supplyChat(chatSetup({ temperature: 0.3, maxTokens: 200 }));
      expect(model).toBeInstanceOf(BaseChatModel);
      const answer = await model.invoke([`hello ${run}`]);
      expect(answer.content).toBe(`Echo: hello ${run}`);
    }
    const stats = emu.stats();
    expect(stats.requests.byOperation.Converse).toBe(20);
    expect(stats.tls.handshakes).toBe(1);
    expect(stats.connections.accepted).toBe(1);
    const body = emu.requests().at(-1)!.body as { inferenceConfig: Record<string, unknown> };
    expect(body.inferenceConfig).toMatchObject({ temperature: 0.3, maxTokens: 200 });
  });

  it('streams through ConverseStream and sends the stop sequences and additional model fields', async () => {
    const model = await supplyChat(chatSetup({ stopSequences: ['END'], additionalModelFields: '{"top_k": 7}' }));
    let text = '';
    for await (const chunk of await model.stream('stream me')) text += String(chunk.content);
    expect(text).toBe('Echo: stream me');
    const request = emu.requests().at(-1)!;
    expect(request.operation).toBe('ConverseStream');
    expect(request.body).toMatchObject({ inferenceConfig: { stopSequences: ['END'] }, additionalModelRequestFields: { top_k: 7 } });
  });

  it('keeps the warm client when only the temperature changes, and swaps it when the endpoint config changes', async () => {
    const first = await supplyChat(chatSetup({ temperature: 0.1 }, { nodeId: 'swap' }));
    await first.invoke('one');
    const accepted = emu.stats().connections.accepted;
    const second = await supplyChat(chatSetup({ temperature: 0.9 }, { nodeId: 'swap' }));
    await second.invoke('two');
    expect(emu.stats().connections.accepted).toBe(accepted);
    expect((emu.requests().at(-1)!.body as { inferenceConfig: { temperature: number } }).inferenceConfig.temperature).toBe(0.9);
    const pool = currentN8nPool()!;
    const leases = () => pool.metrics().slots.reduce((sum, slot) => sum + slot.leases, 0);
    const leasesBefore = leases();
    const moved = await supplyChat({ ...chatSetup({}, { nodeId: 'swap' }), credential: credential({ region: 'us-west-2' }) });
    await moved.invoke('three');
    // A new client (slot) for the new config, on the endpoint's warm connection (sockets are per endpoint).
    const movedSlot = pool.metrics().slots.find((slot) => slot.region === 'us-west-2' && slot.leases === 1);
    expect(movedSlot?.metrics.requests).toBe(1);
    expect(emu.stats().connections.accepted).toBe(accepted);
    // The node's one lease moved to the new client (one lease per node identity, not one per config seen).
    expect(leases()).toBe(leasesBefore);
  });

  it('reports every bad parameter and credential field in one error, before any request', async () => {
    const setup = chatSetup({ temperature: 3, maxTokens: 0, additionalModelFields: '{not json', stopSequences: [''] });
    setup.credential = credential({ secretAccessKey: '' });
    const error = await supplyChat(setup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    const { message, description } = error as NodeOperationError;
    for (const label of ['Sampling Temperature', 'Maximum Number of Tokens', 'Additional Model Fields', 'Stop Sequences', 'Secret Access Key']) {
      expect(`${message}\n${description}`).toContain(label);
    }
    expect(description).toContain('(temperature)');
    expect(String(description)).not.toContain(TEST_CREDENTIALS.accessKeyId);
    expect(emu.stats().requests.total).toBe(0);
    expect(emu.stats().connections.accepted).toBe(0);
  });

  it('never falls back to the environment credentials when the credential has no keys', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
    try {
      const error = await supplyChat({ ...chatSetup(), credential: credential({ accessKeyId: '', secretAccessKey: '' }) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NodeOperationError);
      expect((error as Error).message).toMatch(/Access Key ID.*Secret Access Key/);
      expect(emu.stats().requests.total).toBe(0);
    } finally {
      if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      else process.env.AWS_ACCESS_KEY_ID = saved.id;
      if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
      else process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    }
  });

  it('a wrong secret fails with the AWS error name and request id, never the secret', async () => {
    const wrong = 'wrongSecretKey/NotTheEmulators/000000000001';
    const model = await supplyChat({ ...chatSetup({}, { nodeId: 'wrong' }), credential: credential({ secretAccessKey: wrong }) });
    const error = (await model.invoke('hi').catch((e: unknown) => e)) as Error & { awsErrorName?: string; requestId?: string };
    expect(error.message).toMatch(/InvalidSignatureException/);
    expect(error.message).toMatch(/request id \S+/);
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain(wrong);
  });
});

describe('embeddings sub-node', () => {
  it('supplies LangChain embeddings; Cohere batches 100 texts into 2 requests on one connection', async () => {
    const ctx = nodeContext({ credential: credential(), nodeId: 'embed', parameters: { model: { mode: 'id', value: 'cohere.embed-english-v3' }, options: {} } });
    const { response } = await new EmbeddingsBedrockFlow().supplyData.call(ctx, 0);
    expect(response).toBeInstanceOf(Embeddings);
    const vectors = await (response as EmbeddingsType).embedDocuments(Array.from({ length: 100 }, (_, i) => `document ${i}`));
    expect(vectors).toHaveLength(100);
    expect(emu.stats().requests.byOperation.InvokeModel).toBe(2);
    expect(emu.stats().connections.accepted).toBe(1);
  });

  it('Titan v2 takes the dimensions option', async () => {
    const ctx = nodeContext({ credential: credential(), nodeId: 'titan', parameters: { model: { mode: 'list', value: 'amazon.titan-embed-text-v2:0' }, options: { dimensions: 256 } } });
    const { response } = await new EmbeddingsBedrockFlow().supplyData.call(ctx, 0);
    expect(await (response as EmbeddingsType).embedQuery('one text')).toHaveLength(256);
  });
});

describe('InvokeModel action node', () => {
  it('answers one item per input item with text, usage, stop reason and the AWS request id', async () => {
    const ctx = nodeContext({
      credential: credential(),
      nodeId: 'invoke',
      items: 3,
      parameters: { model: { mode: 'list', value: 'anthropic.claude-3-haiku-20240307-v1:0' }, prompt: 'say hi', systemMessage: 'be brief', options: { modelKwargs: '{"max_tokens": 64}' } },
    });
    const [items] = await new BedrockFlowInvokeModel().execute.call(ctx);
    expect(items).toHaveLength(3);
    expect(items![0]!.json).toMatchObject({ text: 'Echo: say hi', stopReason: expect.any(String), requestId: expect.any(String) });
    // Each item's id is the one the emulator answered that item's request with.
    const ids = items!.map((item) => item.json.requestId);
    expect(new Set(ids).size).toBe(3);
    expect(emu.requests().slice(-3).map((request) => request.requestId)).toEqual(ids);
    expect(emu.requests().at(-1)!.body).toMatchObject({ max_tokens: 64, system: 'be brief' });
    // Three items, one client: at most the one connection a new slot opens (the pool may share a warm one).
    expect(emu.stats().connections.accepted).toBeLessThanOrEqual(1);
  });

  it('a wrong secret becomes a NodeApiError naming the AWS error, or an error item with Continue On Fail', async () => {
    const parameters = { model: { mode: 'list', value: 'anthropic.claude-3-haiku-20240307-v1:0' }, prompt: 'hi', systemMessage: '', options: {} };
    const bad = credential({ secretAccessKey: 'wrongSecretKey/NotTheEmulators/000000000002' });
    const error = await new BedrockFlowInvokeModel().execute.call(nodeContext({ credential: bad, nodeId: 'bad', parameters })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).description).toMatch(/InvalidSignatureException.*request id/);
    const [items] = await new BedrockFlowInvokeModel().execute.call(nodeContext({ credential: bad, nodeId: 'bad', parameters, continueOnFail: true }));
    expect(String(items![0]!.json.error)).toMatch(/InvalidSignatureException/);
    expect(JSON.stringify(items)).not.toContain('wrongSecretKey');
  });
});

describe('Options › Timeout', () => {
  afterEach(() => emu.setFaults({}));

  it('the chat model waits the node timeout: a silent model fails once with the may-have-been-billed error, a slow one within it answers once', async () => {
    emu.setFaults({ firstByteDelayMs: Number.POSITIVE_INFINITY });
    const model = await supplyChat(chatSetup({ timeout: 0.3 }, { nodeId: 'timeout-chat' }));
    const error = (await model.invoke('silent').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/may have processed the request and it may be billed, so it was not sent again/);
    expect(error.message).toContain('http.requestTimeoutMs');
    expect(emu.stats().requests.byOperation.Converse).toBe(1);
    emu.setFaults({ firstByteDelayMs: 500 });
    const patient = await supplyChat(chatSetup({ timeout: 5 }, { nodeId: 'timeout-chat' }));
    expect((await patient.invoke('slow')).content).toBe('Echo: slow');
    expect(emu.stats().requests.byOperation.Converse).toBe(2);
  });

  it('the InvokeModel node maps the timeout too: one request, and the error item says it may be billed', async () => {
    emu.setFaults({ firstByteDelayMs: Number.POSITIVE_INFINITY });
    const parameters = { model: { mode: 'list', value: 'anthropic.claude-3-haiku-20240307-v1:0' }, prompt: 'hi', systemMessage: '', options: { timeout: 0.3 } };
    const [items] = await new BedrockFlowInvokeModel().execute.call(nodeContext({ credential: credential(), nodeId: 'timeout-invoke', parameters, continueOnFail: true }));
    expect(String(items![0]!.json.error)).toMatch(/may be billed/);
    expect(emu.stats().requests.byOperation.InvokeModel).toBe(1);
  });

  it('a negative, zero or too large timeout is a parameter error naming Options › Timeout, before any request', async () => {
    for (const timeout of [-1, 0, 3_601]) {
      const error = await supplyChat(chatSetup({ timeout }, { nodeId: 'timeout-bad' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NodeOperationError);
      expect(`${(error as NodeOperationError).message}\n${(error as NodeOperationError).description}`).toContain('Timeout');
    }
    const ctx = nodeContext({ credential: credential(), nodeId: 'timeout-bad-embed', parameters: { model: { mode: 'id', value: 'amazon.titan-embed-text-v2:0' }, options: { timeout: -2 } } });
    await expect(new EmbeddingsBedrockFlow().supplyData.call(ctx, 0)).rejects.toBeInstanceOf(NodeOperationError);
    expect(emu.stats().requests.total).toBe(0);
  });
});

describe('idle TTL', () => {
  it('closes the client of a node no execution uses any more (a deactivated workflow), with BEDROCK_FLOW_N8N_IDLE_TTL_MS', async () => {
    await closeN8nPool();
    await emu.waitForOpenConnections(0, 5_000);
    const saved = process.env.BEDROCK_FLOW_N8N_IDLE_TTL_MS;
    process.env.BEDROCK_FLOW_N8N_IDLE_TTL_MS = '300';
    configureN8nPool({ defaults: { tls: { ca: emu.ca! } }, releaseGraceMs: 0 });
    try {
      const model = await supplyChat(chatSetup({}, { workflowId: 'deactivated', nodeId: 'idle' }));
      await model.invoke('last call before deactivation');
      expect(emu.stats().connections.open).toBe(1);
      expect(currentN8nPool()!.metrics().slots).toHaveLength(1);
      // No more executions: the pool's sweep retires the slot and its socket closes.
      await emu.waitForOpenConnections(0, 10_000);
      expect(currentN8nPool()!.metrics().slots).toHaveLength(0);
    } finally {
      if (saved === undefined) delete process.env.BEDROCK_FLOW_N8N_IDLE_TTL_MS;
      else process.env.BEDROCK_FLOW_N8N_IDLE_TTL_MS = saved;
    }
  });
});

describe('chat model sub-node: images and reasoning', () => {
  // Built with zlib in the shared fixture: a real 64x64 PNG.
  const { pdfBytes, pngBytes } = require('../../../test/support/media-fixtures') as typeof import('../../../test/support/media-fixtures');
  const { HumanMessage } = require('@langchain/core/messages') as typeof import('@langchain/core/messages');

  it('the Basic LLM Chain\'s image passthrough (a HumanMessage with an image_url data URL) reaches Bedrock as an image block', async () => {
    const model = await supplyChat(chatSetup());
    const dataUrl = `data:image/png;base64,${pngBytes(64, 64).toString('base64')}`;
    // The message n8n's chain builds for "Image (Binary)" passthrough: text, then an image_url block.
    const answer = await model.invoke([new HumanMessage({ content: [{ type: 'text', text: 'Describe the image' }, { type: 'image_url', image_url: { url: dataUrl, detail: 'auto' } }] })]);
    expect(answer.text).toBe('Echo: Describe the image [received image/png 64x64]');
    const content = (emu.requests().at(-1)!.body as { messages: Array<{ content: Array<Record<string, unknown>> }> }).messages[0]!.content;
    expect(content[1]).toEqual({ image: { format: 'png', source: { bytes: pngBytes(64, 64).toString('base64') } } });
  });

  it('a PDF as LangChain\'s standard file block reaches Bedrock as a document block (n8n\'s chain passes images only)', async () => {
    const model = await supplyChat(chatSetup());
    const answer = await model.invoke([
      new HumanMessage({ content: [{ type: 'text', text: 'Summarise' }, { type: 'file', source_type: 'base64', mime_type: 'application/pdf', data: pdfBytes().toString('base64'), metadata: { name: 'report' } } as never] }),
    ]);
    expect(answer.text).toBe('Echo: Summarise [received document report.pdf]');
  });

  it('Options › Reasoning Effort high on Claude 4: thinking on, the sampling defaults left out; the answer text holds no reasoning', async () => {
    const model = await supplyChat({ ...chatSetup({ reasoningEffort: 'high' }), parameters: { model: { mode: 'id', value: 'us.anthropic.claude-sonnet-4-20250514-v1:0' }, options: { reasoningEffort: 'high' } } });
    const answer = await model.invoke(['Think first']);
    const body = emu.requests().at(-1)!.body as Record<string, unknown>;
    expect(body['additionalModelRequestFields']).toEqual({ thinking: { type: 'enabled', budget_tokens: 16384 } });
    expect(body['inferenceConfig']).toEqual({ maxTokens: 20480 });
    expect(answer.text).toBe('Echo: Think first');
    expect(JSON.stringify(answer.content)).toContain('The user wrote');
  });
});
