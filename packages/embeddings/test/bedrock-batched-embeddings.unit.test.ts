/**
 * Narrow unit tests of BedrockBatchedEmbeddings on a stubbed `client.send` (allowed for unit
 * tests only): request building, batching, ordering and bounded concurrency without a network.
 * The same behaviour is checked over real HTTPS against the emulator in the *.int.test.ts files.
 */
import type { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import fc from 'fast-check';
import {
  BedrockBatchedEmbeddings,
  EmbeddingConfigError,
  EmbeddingInputError,
  EmbeddingRequestError,
  EmbeddingResponseError,
} from '../src';

interface SentRequest {
  modelId: string;
  body: Record<string, unknown>;
  signal: AbortSignal | undefined;
}

/** A vector that encodes the text, so the test can check which text a vector belongs to. */
function vectorFor(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  v[0] = text.length;
  v[1] = Number(text.replace(/\D/g, '') || -1);
  return v;
}

/** A stub client whose replies complete after `delayTicks(request)` microtask turns. */
function stubClient(options: {
  dims: number;
  delayTicks?: (n: number) => number;
  fail?: (body: Record<string, unknown>) => unknown;
  body?: (body: Record<string, unknown>) => unknown;
}) {
  const sent: SentRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    async send(command: InvokeModelCommand, opts?: { abortSignal?: AbortSignal }) {
      const input = command.input;
      const body = JSON.parse(String(input.body)) as Record<string, unknown>;
      sent.push({ modelId: String(input.modelId), body, signal: opts?.abortSignal });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const ticks = options.delayTicks?.(sent.length - 1) ?? 0;
        for (let k = 0; k < ticks; k += 1) {
          await new Promise((r) => setImmediate(r));
          if (opts?.abortSignal?.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
        }
        const failure = options.fail?.(body);
        if (failure) throw failure;
        const reply =
          options.body?.(body) ??
          (Array.isArray(body.texts)
            ? { embeddings: (body.texts as string[]).map((t) => vectorFor(t, options.dims)), response_type: 'embeddings_floats' }
            : { embedding: vectorFor(String(body.inputText), options.dims), inputTextTokenCount: 1 });
        return { body: new TextEncoder().encode(JSON.stringify(reply)), $metadata: { requestId: `req-${sent.length}` } };
      } finally {
        inFlight -= 1;
      }
    },
  };
  return {
    client: client as unknown as BedrockRuntimeClient,
    sent,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

const texts = (n: number): string[] => Array.from({ length: n }, (_, i) => `doc ${i}`);

describe('BedrockBatchedEmbeddings (stubbed send)', () => {
  test('Titan v1: one {inputText} request per text, vectors in order, default concurrency 8', async () => {
    const stub = stubClient({ dims: 1536, delayTicks: (n) => (n * 7) % 5 });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client });
    expect(embeddings.model).toBe('amazon.titan-embed-text-v1');
    const vectors = await embeddings.embedDocuments(texts(30));
    expect(stub.sent).toHaveLength(30);
    expect(stub.sent[0]?.body).toEqual({ inputText: 'doc 0' });
    expect(vectors.map((v) => v[1])).toEqual(texts(30).map((_, i) => i));
    expect(vectors.every((v) => v.length === 1536)).toBe(true);
    expect(stub.maxInFlight).toBe(8);
  });

  test('Titan v2: sends dimensions and normalize (defaults 1024, true)', async () => {
    const stub = stubClient({ dims: 1024 });
    await new BedrockBatchedEmbeddings({ client: stub.client, model: 'us.amazon.titan-embed-text-v2:0' }).embedQuery('q');
    expect(stub.sent[0]).toMatchObject({ modelId: 'us.amazon.titan-embed-text-v2:0', body: { inputText: 'q', dimensions: 1024, normalize: true } });
    const stub2 = stubClient({ dims: 256 });
    await new BedrockBatchedEmbeddings({ client: stub2.client, model: 'amazon.titan-embed-text-v2:0', dimensions: 256, normalize: false }).embedQuery('q');
    expect(stub2.sent[0]?.body).toEqual({ inputText: 'q', dimensions: 256, normalize: false });
  });

  test('Cohere: 200 documents -> 3 requests of 96/96/8 with search_document; a query uses search_query', async () => {
    const stub = stubClient({ dims: 1024, delayTicks: (n) => 3 - n });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client, model: 'cohere.embed-english-v3' });
    const vectors = await embeddings.embedDocuments(texts(200));
    expect(stub.sent.map((r) => (r.body.texts as string[]).length)).toEqual([96, 96, 8]);
    expect(stub.sent.every((r) => r.body.input_type === 'search_document' && r.body.truncate === 'NONE')).toBe(true);
    expect(vectors.map((v) => v[1])).toEqual(texts(200).map((_, i) => i));
    await embeddings.embedQuery('what?');
    expect(stub.sent[3]?.body).toEqual({ texts: ['what?'], input_type: 'search_query', truncate: 'NONE' });
  });

  test('Cohere batchSize and truncate are honoured', async () => {
    const stub = stubClient({ dims: 1024 });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client, model: 'cohere.embed-multilingual-v3', batchSize: 10, truncate: 'END' });
    await embeddings.embedDocuments(texts(25).concat('z'.repeat(5000)));
    expect(stub.sent.map((r) => (r.body.texts as string[]).length)).toEqual([10, 10, 6]);
    expect(stub.sent[2]?.body.truncate).toBe('END');
    expect((stub.sent[2]?.body.texts as string[])[5]).toHaveLength(2048);
  });

  test('[] resolves to [] without a request', async () => {
    const stub = stubClient({ dims: 1536 });
    expect(await new BedrockBatchedEmbeddings({ client: stub.client }).embedDocuments([])).toEqual([]);
    expect(stub.sent).toHaveLength(0);
  });

  test('an empty or over-long text is refused before any request', async () => {
    const stub = stubClient({ dims: 1024 });
    const titan = new BedrockBatchedEmbeddings({ client: stub.client });
    await expect(titan.embedDocuments(['a', 'b', ''])).rejects.toMatchObject({ code: 'ERR_EMBEDDINGS_TEXT_EMPTY', index: 2 });
    await expect(titan.embedQuery('')).rejects.toBeInstanceOf(EmbeddingInputError);
    const cohere = new BedrockBatchedEmbeddings({ client: stub.client, model: 'cohere.embed-english-v3' });
    await expect(cohere.embedDocuments(['ok', 'x'.repeat(2049)])).rejects.toMatchObject({ code: 'ERR_EMBEDDINGS_TEXT_TOO_LONG', index: 1 });
    expect(stub.sent).toHaveLength(0);
  });

  test('a failure reports the failing index, AWS name and request id, and cancels the rest', async () => {
    const throttled = Object.assign(new Error('Too many requests'), {
      name: 'ValidationException',
      $metadata: { requestId: 'rid-17', httpStatusCode: 400, attempts: 1 },
    });
    // The SDK keeps the signed request (session token header included) on a hidden `$response`.
    Object.defineProperty(throttled, '$response', { value: { headers: { 'x-amz-security-token': 'token-42' } }, enumerable: false });
    const stub = stubClient({ dims: 1536, delayTicks: () => 2, fail: (b) => (b.inputText === 'doc 17' ? throttled : undefined) });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client, maxConcurrency: 4 });
    const error = await embeddings.embedDocuments(texts(100)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingRequestError);
    expect(error).toMatchObject({ code: 'ERR_EMBEDDINGS_REQUEST_FAILED', index: 17, count: 1, awsErrorName: 'ValidationException', requestId: 'rid-17', httpStatusCode: 400 });
    expect((error as Error).message).toContain('texts[17]');
    const cause = (error as Error).cause as Record<string, unknown>;
    expect(cause).toBeInstanceOf(Error);
    expect(cause).toMatchObject({ name: 'ValidationException', message: 'Too many requests', $metadata: throttled.$metadata });
    expect(Object.getOwnPropertyNames(cause)).not.toContain('$response');
    expect(cause['$response']).toBeUndefined();
    // fail fast: at most the requests already queued in the limiter's slots started after the failure
    expect(stub.sent.length).toBeLessThan(100);
    expect(stub.sent.length).toBeLessThanOrEqual(18 + 4);
  });

  test('a Cohere failure reports the batch start and size', async () => {
    const boom = Object.assign(new Error('bad'), { name: 'ModelErrorException', $metadata: { httpStatusCode: 424 } });
    const stub = stubClient({ dims: 1024, fail: (b) => ((b.texts as string[])[0] === 'doc 96' ? boom : undefined) });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client, model: 'cohere.embed-english-v3' });
    await expect(embeddings.embedDocuments(texts(200))).rejects.toMatchObject({ index: 96, count: 96, awsErrorName: 'ModelErrorException' });
  });

  test('a response with the wrong count or dimension is an EmbeddingResponseError with the index', async () => {
    const stub = stubClient({ dims: 1024, body: (b) => (b.inputText === 'doc 3' ? { embedding: [1, 2, 3] } : undefined) });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client, model: 'amazon.titan-embed-text-v2:0' });
    const error = await embeddings.embedDocuments(texts(5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingResponseError);
    expect(error).toMatchObject({ code: 'ERR_EMBEDDINGS_RESPONSE_INVALID', index: 3 });
    expect((error as Error).message).toMatch(/3 dimensions, expected 1024/);
  });

  test('an aborted call rejects with the signal reason and sends nothing more', async () => {
    const stub = stubClient({ dims: 1536, delayTicks: () => 1_000_000 });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client, maxConcurrency: 2 });
    const controller = new AbortController();
    const call = embeddings.embedDocuments(texts(10), { signal: controller.signal });
    await new Promise((r) => setImmediate(r));
    expect(stub.sent).toHaveLength(2);
    expect(stub.sent[0]?.signal?.aborted).toBe(false);
    const reason = new Error('user cancelled');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(stub.sent).toHaveLength(2);
    expect(stub.sent[0]?.signal?.aborted).toBe(true);
    // an already-aborted constructor signal refuses at once
    const dead = new AbortController();
    dead.abort(new Error('gone'));
    await expect(new BedrockBatchedEmbeddings({ client: stub.client, signal: dead.signal }).embedQuery('x')).rejects.toThrow('gone');
    expect(stub.sent).toHaveLength(2);
  });

  test('concurrency is bounded per instance across concurrent calls', async () => {
    const stub = stubClient({ dims: 1536, delayTicks: (n) => 1 + (n % 3) });
    const embeddings = new BedrockBatchedEmbeddings({ client: stub.client, maxConcurrency: 3 });
    const [a, b] = await Promise.all([embeddings.embedDocuments(texts(10)), embeddings.embedDocuments(texts(7))]);
    expect(a).toHaveLength(10);
    expect(b.map((v) => v[1])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(stub.maxInFlight).toBe(3);
  });

  test('property: any list, any completion order, any concurrency -> vectors in input order, in-flight <= bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        fc.array(fc.nat(4), { minLength: 1, maxLength: 20 }),
        async (docs, maxConcurrency, cohere, delays) => {
          const stub = stubClient({ dims: 1024, delayTicks: (n) => delays[n % delays.length] as number });
          const embeddings = new BedrockBatchedEmbeddings({
            client: stub.client,
            model: cohere ? 'cohere.embed-english-v3' : 'amazon.titan-embed-text-v2:0',
            batchSize: cohere ? 7 : undefined,
            maxConcurrency,
            // The request plan itself (one request per text / per 7): repeated texts must not be deduplicated here.
            cache: false,
          });
          const vectors = await embeddings.embedDocuments(docs);
          const expected = docs.map((d) => vectorFor(d.replace(/\n/g, ' '), 1024));
          expect(vectors).toEqual(expected);
          expect(stub.maxInFlight).toBeLessThanOrEqual(maxConcurrency);
          expect(stub.sent).toHaveLength(cohere ? Math.ceil(docs.length / 7) : docs.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('BedrockBatchedEmbeddings options', () => {
  const { client } = stubClient({ dims: 1024 });
  test.each([
    [{ model: 'anthropic.claude-3-haiku-20240307-v1:0' }, 'model', 'ERR_EMBEDDINGS_MODEL_UNSUPPORTED'],
    [{ model: 'amazon.titan-embed-text-v2:0', dimensions: 300 }, 'dimensions', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.titan-embed-text-v1', dimensions: 512 }, 'dimensions', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-english-v3', normalize: true }, 'normalize', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.titan-embed-text-v2:0', normalize: 'yes' }, 'normalize', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.titan-embed-text-v2:0', truncate: 'END' }, 'truncate', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-english-v3', truncate: 'MIDDLE' }, 'truncate', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-english-v3', batchSize: 97 }, 'batchSize', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-v4:0', dimensions: 384 }, 'dimensions', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-v4:0', batchSize: 97 }, 'batchSize', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-v4:0', maxTokens: 128_001 }, 'maxTokens', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-v4:0', normalize: true }, 'normalize', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'cohere.embed-english-v3', maxTokens: 100 }, 'maxTokens', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.titan-embed-image-v1', dimensions: 512 }, 'dimensions', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.titan-embed-image-v1', truncate: 'END' }, 'truncate', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.titan-embed-image-v1', batchSize: 2 }, 'batchSize', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.nova-2-multimodal-embeddings-v1:0', dimensions: 512 }, 'dimensions', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.nova-2-multimodal-embeddings-v1:0', truncate: 'LEFT' }, 'truncate', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ model: 'amazon.titan-embed-text-v1', batchSize: 4 }, 'batchSize', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ maxConcurrency: 0 }, 'maxConcurrency', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ maxConcurrency: 51 }, 'maxConcurrency', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
    [{ maxConcurrency: 2.5 }, 'maxConcurrency', 'ERR_EMBEDDINGS_CONFIG_INVALID'],
  ])('%p is refused on %s', (fields, field, code) => {
    const build = () => new BedrockBatchedEmbeddings({ client, ...(fields as object) });
    expect(build).toThrow(EmbeddingConfigError);
    expect(build).toThrow(expect.objectContaining({ field, code }));
  });

  test('a missing client is refused', () => {
    expect(() => new BedrockBatchedEmbeddings({} as never)).toThrow(expect.objectContaining({ field: 'client' }));
  });

  test('toJSON shows the settings, not the client', () => {
    const json = JSON.stringify(new BedrockBatchedEmbeddings({ client, model: 'amazon.titan-embed-text-v2:0', dimensions: 512 }));
    expect(JSON.parse(json)).toEqual({
      name: 'BedrockBatchedEmbeddings',
      model: 'amazon.titan-embed-text-v2:0',
      family: 'titan-v2',
      dimensions: 512,
      normalize: true,
      batchSize: 1,
      maxConcurrency: 8,
      cache: 'memory',
    });
  });
});
