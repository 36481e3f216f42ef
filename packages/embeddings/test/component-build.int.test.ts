/**
 * AmazonBedrockEmbeddings through the component contract: validated inputs -> pooled client ->
 * BedrockBatchedEmbeddings, against the emulator over HTTPS with the real BedrockPool.
 */
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, createComponent, type ComponentContext } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockEmbeddingsDefinition, BedrockBatchedEmbeddings, EmbeddingRequestError } from '../src';
import { norm, until } from './support/emulator-client';

const texts = (n: number): string[] => Array.from({ length: n }, (_, i) => `passage ${i}`);

let emu: RunningEmulator;
let pool: BedrockPool;

beforeEach(async () => {
  emu = await startEmulator({ tls: true, serverDelayMs: 5 });
  // The operator allows the emulator for host credentials (variables, profiles, the environment).
  pool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] }, defaults: { tls: { ca: emu.ca } } });
});
afterEach(async () => {
  await pool.close();
  await emu.close();
});

function context(extra: Partial<ComponentContext> = {}): ComponentContext {
  return { graphId: 'flow-1', nodeId: 'AmazonBedrockEmbeddings-AbC12', pool, env: false, ...extra };
}

function inputs(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
    aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
    region_name: 'us-east-1',
    endpoint_url: emu.url,
    ...extra,
  };
}

function build(extra: Record<string, unknown> = {}, ctx: ComponentContext = context()): BedrockBatchedEmbeddings {
  return createComponent(amazonBedrockEmbeddingsDefinition, ctx, inputs(extra)).build_embeddings();
}

describe('build_embeddings', () => {
  test.each([
    [{}, 'amazon.titan-embed-text-v1', 1536, 3],
    [{ model_id: 'amazon.titan-embed-text-v2:0' }, 'amazon.titan-embed-text-v2:0', 1024, 3],
    [{ model_id: 'amazon.titan-embed-text-v2:0', dimensions: '256' }, 'amazon.titan-embed-text-v2:0', 256, 3],
    [{ model_id: 'us.amazon.titan-embed-text-v2:0', dimensions: 512 }, 'us.amazon.titan-embed-text-v2:0', 512, 3],
    [{ model_id: 'cohere.embed-english-v3', dimensions: 256 }, 'cohere.embed-english-v3', 1024, 1],
    [{ model_id: 'cohere.embed-multilingual-v3' }, 'cohere.embed-multilingual-v3', 1024, 1],
    // The new families take the dimensions input (default 1024) as their own size parameter.
    [{ model_id: 'cohere.embed-v4:0' }, 'cohere.embed-v4:0', 1024, 1],
    [{ model_id: 'us.cohere.embed-v4:0', dimensions: '1536' }, 'us.cohere.embed-v4:0', 1536, 1],
    [{ model_id: 'amazon.titan-embed-image-v1', dimensions: 384 }, 'amazon.titan-embed-image-v1', 384, 3],
    [{ model_id: 'amazon.nova-2-multimodal-embeddings-v1:0', dimensions: 3072 }, 'amazon.nova-2-multimodal-embeddings-v1:0', 3072, 3],
    [{ model_id: 'amazon.nova-2-multimodal-embeddings-v1:0' }, 'amazon.nova-2-multimodal-embeddings-v1:0', 1024, 3],
  ])('%p -> %s vectors of %i in %i request(s)', async (extra, model, dims, requests) => {
    const embeddings = build(extra);
    expect(embeddings).toBeInstanceOf(BedrockBatchedEmbeddings);
    expect(embeddings.model).toBe(model);
    const vectors = await embeddings.embedDocuments(texts(3));
    expect(vectors.map((v) => v.length)).toEqual([dims, dims, dims]);
    expect(emu.stats().auth.byAccessKeyId).toEqual({ [TEST_CREDENTIALS.accessKeyId]: requests });
  });

  test('Titan v2 with normalize (default) gives unit vectors; identical texts identical vectors', async () => {
    const embeddings = build({ model_id: 'amazon.titan-embed-text-v2:0' });
    const [a, b, c] = await embeddings.embedDocuments(['same', 'different', 'same']);
    expect(Math.abs(norm(a!) - 1)).toBeLessThan(1e-6);
    expect(a).toEqual(c);
    expect(a).not.toEqual(b);
    expect(emu.requests()[0]?.body).toEqual({ inputText: 'same', dimensions: 1024, normalize: true });
  });

  test('is cheap and idempotent: two builds share the pooled client', async () => {
    const ctx = context();
    const first = build({}, ctx);
    const second = build({}, ctx);
    expect(second.client).toBe(first.client);
    await Promise.all([first.embedDocuments(texts(8)), second.embedDocuments(texts(8))]);
    await until(() => emu.stats().requests.inFlight === 0);
    const stats = emu.stats();
    expect(stats.tls.handshakes).toBe(stats.connections.accepted);
    expect(stats.connections.accepted).toBeLessThanOrEqual(16);
  });

  test('200 documents with Cohere -> 3 requests', async () => {
    const vectors = await build({ model_id: 'cohere.embed-english-v3' }).embedDocuments(texts(200));
    expect(vectors).toHaveLength(200);
    expect(emu.stats().requests.byOperation).toEqual({ InvokeModel: 3 });
    expect(emu.requests().map((r) => (r.body as { texts: string[] }).texts.length).sort((x, y) => y - x)).toEqual([96, 96, 8]);
  });

  test('Titan with max_concurrency 4: at most 4 in flight, one TLS handshake per socket', async () => {
    const docs = texts(60);
    const vectors = await build({ model_id: 'amazon.titan-embed-text-v2:0', max_concurrency: '4' }).embedDocuments(docs);
    expect(vectors).toHaveLength(60);
    await until(() => emu.stats().requests.inFlight === 0);
    const stats = emu.stats();
    expect(stats.requests.byOperation).toEqual({ InvokeModel: 60 });
    expect(stats.requests.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.tls.handshakes).toBeLessThanOrEqual(4);
    expect(stats.tls.handshakes).toBe(stats.connections.accepted);
  });

  test("a throttling burst is retried by the pool client's retry strategy", async () => {
    const embeddings = build({ model_id: 'amazon.titan-embed-text-v1' });
    emu.setFaults({ throttle: { count: 2 } });
    const vectors = await embeddings.embedDocuments(texts(10));
    expect(vectors).toHaveLength(10);
    expect(emu.stats().faults.throttle).toBe(2);
    expect(emu.stats().requests.total).toBe(12);
  });

  test('a persistent failure reports the failing index through the component', async () => {
    const embeddings = build({ model_id: 'cohere.embed-english-v3' });
    emu.setFaults({ serverError: { status: 503, count: 100 } });
    const error = (await embeddings.embedDocuments(texts(5)).catch((e: unknown) => e)) as EmbeddingRequestError;
    expect(error).toBeInstanceOf(EmbeddingRequestError);
    expect(error).toMatchObject({ index: 0, count: 5, awsErrorName: 'ServiceUnavailableException', httpStatusCode: 503 });
    expect(error.message).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  test('secrets resolve from host variables; the secret never shows in toJSON', async () => {
    const ctx = context({ variables: { MY_KEY: TEST_CREDENTIALS.accessKeyId, MY_SECRET: TEST_CREDENTIALS.secretAccessKey } });
    const embeddings = build({ aws_access_key_id: { variable: 'MY_KEY' }, aws_secret_access_key: { value: 'MY_SECRET', load_from_db: true } }, ctx);
    expect(await embeddings.embedQuery('hello')).toHaveLength(1536);
    expect(JSON.stringify(embeddings)).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  test("the context's signal aborts the node's requests", async () => {
    const controller = new AbortController();
    const embeddings = build({}, context({ signal: controller.signal }));
    emu.setFaults({ firstByteDelayMs: Infinity });
    const call = embeddings.embedDocuments(texts(3));
    await until(() => emu.stats().requests.inFlight === 3);
    controller.abort(new Error('run cancelled'));
    await expect(call).rejects.toThrow('run cancelled');
  });
});

describe('bad inputs are rejected before any request', () => {
  test.each([
    [{ model_id: 'anthropic.claude-3-haiku-20240307-v1:0' }, 'model_id'],
    [{ model_id: 'cohere.embed-v5:0' }, 'model_id'],
    [{ model_id: 'amazon.titan-embed-image-v2' }, 'model_id'],
    [{ model_id: 'not a model id!' }, 'model_id'],
    [{ model_id: 'amazon.titan-embed-text-v2:0', dimensions: 300 }, 'dimensions'],
    [{ model_id: 'amazon.titan-embed-text-v2:0', dimensions: 'big' }, 'dimensions'],
    [{ model_id: 'amazon.titan-embed-text-v2:0', dimensions: 3072 }, 'dimensions'],
    [{ model_id: 'cohere.embed-v4:0', dimensions: 384 }, 'dimensions'],
    [{ model_id: 'amazon.titan-embed-image-v1', dimensions: 512 }, 'dimensions'],
    [{ model_id: 'amazon.nova-2-multimodal-embeddings-v1:0', dimensions: 1536 }, 'dimensions'],
    [{ region_name: 'mars-north-1x' }, 'region_name'],
    [{ endpoint_url: 'ftp://127.0.0.1:1' }, 'endpoint_url'],
    [{ endpoint_url: 'not a url' }, 'endpoint_url'],
    [{ max_concurrency: 0 }, 'max_concurrency'],
    [{ max_concurrency: 51 }, 'max_concurrency'],
    [{ normalize: 'maybe' }, 'normalize'],
    [{ aws_secret_access_key: null }, 'aws_secret_access_key'],
  ])('%p -> ComponentValidationError on %s', (extra, field) => {
    let error: unknown;
    try {
      build(extra).embedDocuments(['never sent']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues.map((i) => i.field)).toContain(field);
    expect((error as Error).message).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    const stats = emu.stats();
    expect(stats.requests.total).toBe(0);
    expect(stats.connections.accepted).toBe(0);
  });
});

describe('dimensions: each model says which sizes it takes', () => {
  test.each([
    ['amazon.titan-embed-text-v2:0', 3072, '256, 512 or 1024 for this model'],
    ['cohere.embed-v4:0', 384, '256, 512, 1024 or 1536 for this model'],
    ['amazon.titan-embed-image-v1', 512, '256, 384 or 1024 for this model'],
    ['amazon.nova-2-multimodal-embeddings-v1:0', 1536, '256, 384, 1024 or 3072 for this model'],
  ])('%s with %i: the error names dimensions and lists %s, before any request', (model_id, dimensions, allowed) => {
    let error: unknown;
    try {
      build({ model_id, dimensions });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues).toEqual([expect.objectContaining({ field: 'dimensions', allowed })]);
    expect((error as Error).message).toContain(allowed);
    expect(emu.stats().requests.total).toBe(0);
  });
});
