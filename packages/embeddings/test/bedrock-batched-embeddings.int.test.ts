/**
 * BedrockBatchedEmbeddings over real HTTPS against the emulator, through the real
 * @aws-sdk/client-bedrock-runtime with a keep-alive NodeHttpHandler.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { BedrockEmbeddings } from '@langchain/aws';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockBatchedEmbeddings, EmbeddingCache, EmbeddingRequestError } from '../src';
import { emulatorClient, norm, until } from './support/emulator-client';

const texts = (n: number, prefix = 'document'): string[] => Array.from({ length: n }, (_, i) => `${prefix} number ${i}`);

let emu: RunningEmulator;
let client: BedrockRuntimeClient;

// A fresh emulator per test: its stats and its request log start empty (~0.1 s each).
beforeEach(async () => {
  // A small server delay so concurrent requests really overlap on the server.
  emu = await startEmulator({ tls: true, serverDelayMs: 5 });
  client = emulatorClient(emu);
});
afterEach(async () => {
  client.destroy();
  await emu.close();
});

/** Resets the emulator counters once the server has finished writing every response. */
async function settleAndReset(): Promise<void> {
  await until(() => emu.stats().requests.inFlight === 0);
  emu.resetStats();
}

describe('models and vectors', () => {
  test.each([
    ['amazon.titan-embed-text-v1', {}, 1536],
    ['amazon.titan-embed-text-v2:0', {}, 1024],
    ['amazon.titan-embed-text-v2:0', { dimensions: 512 }, 512],
    ['amazon.titan-embed-text-v2:0', { dimensions: 256 }, 256],
    ['us.amazon.titan-embed-text-v2:0', { dimensions: 256 }, 256],
    ['cohere.embed-english-v3', {}, 1024],
    ['cohere.embed-multilingual-v3', {}, 1024],
    ['eu.cohere.embed-multilingual-v3', {}, 1024],
    ['cohere.embed-v4:0', {}, 1536],
    ['us.cohere.embed-v4:0', { dimensions: 256 }, 256],
    ['amazon.titan-embed-image-v1', {}, 1024],
    ['amazon.titan-embed-image-v1', { dimensions: 384 }, 384],
    ['amazon.nova-2-multimodal-embeddings-v1:0', {}, 3072],
    ['us.amazon.nova-2-multimodal-embeddings-v1:0', { dimensions: 256 }, 256],
  ])('%s %p -> %i dimensions', async (model, extra, dims) => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model, ...extra });
    const vectors = await embeddings.embedDocuments(texts(5));
    expect(vectors).toHaveLength(5);
    expect(vectors.every((v) => v.length === dims)).toBe(true);
    expect((await embeddings.embedQuery('a query')).length).toBe(dims);
    expect(emu.requests().every((r) => r.modelId === model && r.operation === 'InvokeModel')).toBe(true);
  });

  test('Cohere v4: float vectors of output_dimension, 96 texts per request, truncate on the wire as LEFT/RIGHT', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-v4:0', dimensions: 512, truncate: 'END', maxTokens: 1000 });
    const vectors = await embeddings.embedDocuments(texts(100));
    await embeddings.embedQuery('a question');
    expect(vectors).toHaveLength(100);
    expect(vectors.every((v) => v.length === 512)).toBe(true);
    const bodies = emu.requests().map((r) => r.body as Record<string, unknown>);
    expect(bodies.map((b) => (b.texts as string[]).length)).toEqual([96, 4, 1]);
    expect(bodies[2]).toEqual({ texts: ['a question'], input_type: 'search_query', embedding_types: ['float'], output_dimension: 512, truncate: 'RIGHT', max_tokens: 1000 });
    expect(bodies.slice(0, 2).every((b) => b.input_type === 'search_document')).toBe(true);
  });

  test('Cohere v4: a text over max_tokens is refused by the service with truncate NONE (the default), and reported with its index', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-v4:0', maxTokens: 5 });
    const error = await embeddings.embedDocuments(['short', 'a text well over five tokens long']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingRequestError);
    expect(error).toMatchObject({ awsErrorName: 'ValidationException', index: 0, count: 2 });
    expect((error as Error).message).toContain('max_tokens 5');
  });

  test('Titan multimodal: one text per request with embeddingConfig.outputEmbeddingLength', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-image-v1', dimensions: 256 });
    await embeddings.embedDocuments(['a red bicycle', 'a blue car']);
    expect(emu.requests().map((r) => r.body)).toEqual([
      { inputText: 'a red bicycle', embeddingConfig: { outputEmbeddingLength: 256 } },
      { inputText: 'a blue car', embeddingConfig: { outputEmbeddingLength: 256 } },
    ]);
  });

  test('Titan multimodal: the 128-token text limit is the service\'s, surfaced with the index', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-image-v1' });
    const error = await embeddings.embedDocuments(['fine', 'word '.repeat(200)]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_EMBEDDINGS_REQUEST_FAILED', awsErrorName: 'ValidationException', index: 1 });
  });

  test('Nova multimodal: GENERIC_INDEX for documents, TEXT_RETRIEVAL for a query, embeddingDimension and truncationMode', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'amazon.nova-2-multimodal-embeddings-v1:0', dimensions: 1024, truncate: 'END' });
    await embeddings.embedDocuments(['a doc']);
    await embeddings.embedQuery('a question');
    const params = (text: string, embeddingPurpose: string): unknown => ({
      schemaVersion: 'nova-multimodal-embed-v1',
      taskType: 'SINGLE_EMBEDDING',
      singleEmbeddingParams: { embeddingPurpose, embeddingDimension: 1024, text: { truncationMode: 'END', value: text } },
    });
    expect(emu.requests().map((r) => r.body)).toEqual([params('a doc', 'GENERIC_INDEX'), params('a question', 'TEXT_RETRIEVAL')]);
  });

  test('Nova multimodal: over 8,192 characters is refused before any request, or cut with truncate', async () => {
    const long = 'x'.repeat(9000);
    await expect(new BedrockBatchedEmbeddings({ client, model: 'amazon.nova-2-multimodal-embeddings-v1:0' }).embedDocuments(['ok', long])).rejects.toMatchObject({
      code: 'ERR_EMBEDDINGS_TEXT_TOO_LONG',
      index: 1,
    });
    expect(emu.requests()).toHaveLength(0);
    await new BedrockBatchedEmbeddings({ client, model: 'amazon.nova-2-multimodal-embeddings-v1:0', truncate: 'START' }).embedQuery(long);
    const sent = (emu.requests()[0]!.body as { singleEmbeddingParams: { text: { value: string } } }).singleEmbeddingParams.text.value;
    expect(sent).toHaveLength(8192);
  });

  test.each(['cohere.embed-v4:0', 'amazon.titan-embed-image-v1', 'amazon.nova-2-multimodal-embeddings-v1:0'])(
    '%s: retrieval picks the right document',
    async (model) => {
      const embeddings = new BedrockBatchedEmbeddings({ client, model });
      const docs = ['Throttled requests are retried with backoff.', 'A new connection pays a TLS handshake.', 'Guardrails block denied topics.'];
      const [vectors, query] = await Promise.all([embeddings.embedDocuments(docs), embeddings.embedQuery('How do TLS handshakes slow each run?')]);
      const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0) / (norm(a) * norm(b));
      const scores = vectors.map((v) => dot(v, query));
      expect(scores.indexOf(Math.max(...scores))).toBe(1);
    },
  );

  test('Cohere embeds documents as search_document and a query as search_query', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-multilingual-v3' });
    await embeddings.embedDocuments(['a doc', 'another doc']);
    await embeddings.embedQuery('a question');
    expect(emu.requests().map((r) => r.body)).toEqual([
      { texts: ['a doc', 'another doc'], input_type: 'search_document', truncate: 'NONE' },
      { texts: ['a question'], input_type: 'search_query', truncate: 'NONE' },
    ]);
  });

  test('Titan v2 normalised vectors have unit norm', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v2:0', dimensions: 256 });
    const vectors = await embeddings.embedDocuments(texts(10));
    for (const v of vectors) expect(Math.abs(norm(v) - 1)).toBeLessThan(1e-6);
    expect(emu.requests()[0]?.body).toEqual({ inputText: 'document number 0', dimensions: 256, normalize: true });
  });

  test('identical texts give identical vectors, different texts different ones', async () => {
    for (const model of ['amazon.titan-embed-text-v1', 'amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3']) {
      const embeddings = new BedrockBatchedEmbeddings({ client, model });
      const [a, b, c] = await embeddings.embedDocuments(['same text', 'other text', 'same text']);
      expect(a).toEqual(c);
      expect(a).not.toEqual(b);
      expect(await embeddings.embedDocuments(['same text'])).toEqual([a]);
    }
  });
});

describe('batching, concurrency, transport', () => {
  test('200 documents with Cohere -> 3 InvokeModel requests of 96/96/8 search_document texts', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-english-v3' });
    const docs = texts(200);
    const vectors = await embeddings.embedDocuments(docs);
    expect(vectors).toHaveLength(200);
    const stats = emu.stats();
    expect(stats.requests.byOperation).toEqual({ InvokeModel: 3 });
    const bodies = emu.requests().map((r) => r.body as { texts: string[]; input_type: string });
    expect(bodies.map((b) => b.texts.length).sort((x, y) => y - x)).toEqual([96, 96, 8]);
    expect(bodies.every((b) => b.input_type === 'search_document')).toBe(true);
    expect(bodies.flatMap((b) => b.texts).sort()).toEqual([...docs].sort());
  });

  test('Titan: at most maxConcurrency in flight, one TLS handshake per warm socket', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v2:0', maxConcurrency: 4 });
    const vectors = await embeddings.embedDocuments(texts(60));
    expect(vectors).toHaveLength(60);
    const stats = emu.stats();
    expect(stats.requests.byOperation).toEqual({ InvokeModel: 60 });
    expect(stats.requests.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.requests.maxInFlight).toBeGreaterThan(1);
    expect(stats.connections.accepted).toBeLessThanOrEqual(4);
    expect(stats.tls.handshakes).toBe(stats.connections.accepted);
    expect(stats.connections.requestsPerConnection.reduce((a, b) => a + b, 0)).toBe(60);
  });

  test('order is preserved under concurrency', async () => {
    const model = 'amazon.titan-embed-text-v1';
    const docs = texts(40, 'ordered');
    const concurrent = await new BedrockBatchedEmbeddings({ client, model, maxConcurrency: 8 }).embedDocuments(docs);
    const sequential: number[][] = [];
    const one = new BedrockBatchedEmbeddings({ client, model, maxConcurrency: 1 });
    for (const doc of docs) sequential.push(await one.embedQuery(doc));
    expect(concurrent).toEqual(sequential);
  });

  test('the default bound is 8 even for 100 documents', async () => {
    await new BedrockBatchedEmbeddings({ client }).embedDocuments(texts(100));
    expect(emu.stats().requests.maxInFlight).toBeLessThanOrEqual(8);
  });
});

describe('failures', () => {
  test('a throttling burst is retried by the client and the result is complete', async () => {
    // Without the cache: the second call must reach Bedrock again to meet the throttles.
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v1', cache: false });
    const expected = await embeddings.embedDocuments(texts(20));
    await settleAndReset();
    emu.setFaults({ throttle: { count: 2 } });
    const vectors = await embeddings.embedDocuments(texts(20));
    expect(vectors).toEqual(expected);
    const stats = emu.stats();
    expect(stats.faults.throttle).toBe(2);
    expect(stats.requests.total).toBe(22);
  });

  test('a Cohere batch throttled once is retried and complete', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-multilingual-v3' });
    emu.setFaults({ throttle: { count: 1 } });
    const vectors = await embeddings.embedDocuments(texts(150));
    expect(vectors).toHaveLength(150);
    expect(emu.stats().requests.total).toBe(3);
  });

  test('a persistent failure reports the failing index, AWS error name and request id', async () => {
    // No SDK retries and one request at a time: request n of the emulator is text n.
    const noRetry = emulatorClient(emu, { client: { maxAttempts: 1 } });
    try {
      const embeddings = new BedrockBatchedEmbeddings({ client: noRetry, model: 'amazon.titan-embed-text-v1', maxConcurrency: 1 });
      emu.setFaults({ throttle: { everyNth: 7 } });
      const error = (await embeddings.embedDocuments(texts(20)).catch((e: unknown) => e)) as EmbeddingRequestError;
      expect(error).toBeInstanceOf(EmbeddingRequestError);
      expect(error.index).toBe(6);
      expect(error.awsErrorName).toBe('ThrottlingException');
      expect(error.httpStatusCode).toBe(429);
      expect(error.requestId).toEqual(expect.any(String));
      expect(error.message).toContain('texts[6]');
      // fail fast: nothing after the failing text was sent
      expect(emu.stats().requests.total).toBe(7);
    } finally {
      noRetry.destroy();
    }
  });

  test('with retries exhausted on every attempt the error says how many attempts were made', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-english-v3' });
    emu.setFaults({ serverError: { status: 500, count: 100 } });
    const error = (await embeddings.embedDocuments(texts(10)).catch((e: unknown) => e)) as EmbeddingRequestError;
    expect(error).toBeInstanceOf(EmbeddingRequestError);
    expect(error).toMatchObject({ index: 0, count: 10, awsErrorName: 'InternalServerException', httpStatusCode: 500, attempts: 3 });
    expect(emu.stats().requests.total).toBe(3);
  });

  test('with b, c, d cached, a failed Cohere batch carrying texts 0, 4 and 5 names exactly those texts', async () => {
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-english-v3', cache: new EmbeddingCache({ openTelemetry: false }) });
    await embeddings.embedDocuments(['b', 'c', 'd']);
    await settleAndReset();
    emu.setFaults({ serverError: { status: 500, count: 100 } });
    const error = (await embeddings.embedDocuments(['a', 'b', 'c', 'd', 'e', 'f']).catch((e: unknown) => e)) as EmbeddingRequestError;
    expect(error).toBeInstanceOf(EmbeddingRequestError);
    expect(error).toMatchObject({ indexes: [0, 4, 5], index: 0, count: 3, field: 'texts[0, 4, 5]' });
    expect(error.message).toMatch(/^Bedrock embedding request for texts\[0, 4, 5\] \(model cohere\.embed-english-v3\) failed: InternalServerException: /);
    // The one batch the call sent carried a, e and f: the cached texts never reached the service.
    expect(emu.requests().every((request) => JSON.stringify((request.body as { texts: string[] }).texts) === '["a","e","f"]')).toBe(true);
  });

  test('an abort signal cancels a request the server never answers', async () => {
    emu.setFaults({ firstByteDelayMs: Infinity });
    const embeddings = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v1', maxConcurrency: 2 });
    const controller = new AbortController();
    const call = embeddings.embedDocuments(texts(10), { signal: controller.signal });
    await until(() => emu.stats().requests.inFlight === 2);
    const reason = new Error('cancelled by the flow');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(emu.stats().requests.total).toBe(2);
  });

  test("a request the server never answers fails on the client's timeout, with the index", async () => {
    const timed = emulatorClient(emu, { handler: { requestTimeout: 300, throwOnRequestTimeout: true }, client: { maxAttempts: 1 } });
    try {
      emu.setFaults({ firstByteDelayMs: Infinity });
      const embeddings = new BedrockBatchedEmbeddings({ client: timed, maxConcurrency: 1 });
      const error = (await embeddings.embedDocuments(['only text']).catch((e: unknown) => e)) as EmbeddingRequestError;
      expect(error).toBeInstanceOf(EmbeddingRequestError);
      expect(error).toMatchObject({ index: 0, awsErrorName: 'TimeoutError' });
    } finally {
      timed.destroy();
    }
  });
});

describe('no request for bad input', () => {
  test('[] -> [], empty text and over-long text rejected, zero requests', async () => {
    const titan = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v2:0' });
    expect(await titan.embedDocuments([])).toEqual([]);
    await expect(titan.embedDocuments(['a', ''])).rejects.toMatchObject({ code: 'ERR_EMBEDDINGS_TEXT_EMPTY', index: 1 });
    await expect(titan.embedDocuments(['x'.repeat(50_001)])).rejects.toMatchObject({ code: 'ERR_EMBEDDINGS_TEXT_TOO_LONG', index: 0 });
    const cohere = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-english-v3' });
    await expect(cohere.embedDocuments(texts(100).concat('y'.repeat(2_049)))).rejects.toMatchObject({ code: 'ERR_EMBEDDINGS_TEXT_TOO_LONG', index: 100 });
    expect(() => new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v2:0', dimensions: 300 })).toThrow(/256, 512 or 1024/);
    expect(emu.stats().requests.total).toBe(0);
  });

  test('Cohere truncate END sends at most 2,048 characters per text', async () => {
    const cohere = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-english-v3', truncate: 'END' });
    const [vector] = await cohere.embedDocuments(['z'.repeat(5_000)]);
    expect(vector).toHaveLength(1024);
    expect(emu.requests()[0]?.body).toEqual({ texts: ['z'.repeat(2_048)], input_type: 'search_document', truncate: 'END' });
  });
});

describe('compared with @langchain/aws BedrockEmbeddings on the same client', () => {
  test('Titan vectors are identical (stores filled by BedrockEmbeddings stay valid)', async () => {
    const docs = ['line one\nline two', 'plain', 'three\n\nlines'];
    const reference = new BedrockEmbeddings({ client, model: 'amazon.titan-embed-text-v1' });
    const ours = new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v1' });
    expect(await ours.embedDocuments(docs)).toEqual(await reference.embedDocuments(docs));
    expect(await ours.embedQuery('q\nx')).toEqual(await reference.embedQuery('q\nx'));
  });

  test('BedrockEmbeddings sends the Titan body to Cohere (rejected, AWS error name lost); ours sends the Cohere body', async () => {
    const reference = new BedrockEmbeddings({ client, model: 'cohere.embed-english-v3', maxRetries: 0 });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const error = (await reference.embedQuery('a').catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^An error occurred while embedding documents with Bedrock/);
      expect(error.name).toBe('Error');
    } finally {
      spy.mockRestore();
    }
    expect(emu.stats().requests).toMatchObject({ total: 1, errors: 1 });
    const [vector] = await new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-english-v3' }).embedDocuments(['a']);
    expect(vector).toHaveLength(1024);
    expect(emu.requests().at(-1)?.body).toEqual({ texts: ['a'], input_type: 'search_document', truncate: 'NONE' });
  });

  test('BedrockEmbeddings has no concurrency bound; ours keeps to maxConcurrency', async () => {
    // Hold every response a while so that whatever the caller dispatches is in flight at once.
    emu.setFaults({ firstByteDelayMs: 250 });
    const docs = texts(40);
    await new BedrockEmbeddings({ client, model: 'amazon.titan-embed-text-v1' }).embedDocuments(docs);
    const unbounded = emu.stats().requests.maxInFlight;
    await settleAndReset();
    await new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v1', maxConcurrency: 4 }).embedDocuments(docs.slice(0, 12));
    expect(emu.stats().requests.maxInFlight).toBeLessThanOrEqual(4);
    expect(unbounded).toBeGreaterThan(8);
  });
});
