/**
 * The embedding cache through BedrockBatchedEmbeddings, over real HTTPS against the emulator with the
 * real SDK: what is sent (the emulator's request log), what is answered from the cache, and what the
 * cache never does (share across clients, keep a failed call, hand out its own array).
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockBatchedEmbeddings, EmbeddingCache, EmbeddingRequestError, type BedrockBatchedEmbeddingsFields } from '../../src';
import { emulatorClient, until } from '../support/emulator-client';

const texts = (n: number, prefix = 'document'): string[] => Array.from({ length: n }, (_, i) => `${prefix} number ${i}`);

let emu: RunningEmulator;
let client: BedrockRuntimeClient;
let cache: EmbeddingCache;

beforeEach(async () => {
  emu = await startEmulator({ tls: true, serverDelayMs: 5 });
  client = emulatorClient(emu);
  cache = new EmbeddingCache({ openTelemetry: false });
});
afterEach(async () => {
  client.destroy();
  await cache.close();
  await emu.close();
});

function embeddings(fields: Partial<BedrockBatchedEmbeddingsFields> = {}): BedrockBatchedEmbeddings {
  return new BedrockBatchedEmbeddings({ client, cache, ...fields });
}

/** Texts the emulator was sent, per request, in arrival order. */
function sentTexts(): string[][] {
  return emu.requests().map((r) => {
    const body = r.body as { inputText?: string; texts?: string[] };
    return body.texts ?? [body.inputText as string];
  });
}

describe('hits and misses', () => {
  test('Titan: a re-run sends nothing, a new text sends one request, vectors equal the uncached ones', async () => {
    const model = 'amazon.titan-embed-text-v2:0';
    const first = await embeddings({ model }).embedDocuments(texts(5));
    expect(emu.requests()).toHaveLength(5);
    const again = embeddings({ model });
    expect(await again.embedDocuments(texts(5))).toEqual(first);
    expect(emu.requests()).toHaveLength(5);
    const withNew = await again.embedDocuments([...texts(5), 'a brand new document']);
    expect(emu.requests()).toHaveLength(6);
    expect(withNew.slice(0, 5)).toEqual(first);
    const uncached = await embeddings({ model, cache: false }).embedDocuments(['a brand new document']);
    expect(withNew[5]).toEqual(uncached[0]);
    expect(again.cacheStats()).toMatchObject({ enabled: true, hits: 10, misses: 1, requestsSaved: 10, singleFlightJoins: 0, store: 'memory', entries: 6 });
  });

  test('Cohere: only the misses are sent, at most 96 per request, and results keep the caller order', async () => {
    const model = 'cohere.embed-english-v3';
    const warm = texts(150, 'old');
    await embeddings({ model }).embedDocuments(warm);
    expect(sentTexts().map((batch) => batch.length)).toEqual([96, 54]);
    emu.resetStats();
    const fresh = texts(200, 'new');
    // Interleave 150 cached and 200 new texts: only the 200 go out, in caller order, 96 + 96 + 8.
    const mixed = fresh.flatMap((text, i) => (i < warm.length ? [warm[i] as string, text] : [text]));
    const vectors = await embeddings({ model }).embedDocuments(mixed);
    const batches = sentTexts();
    expect(batches.map((batch) => batch.length)).toEqual([96, 96, 8]);
    expect(batches.flat()).toEqual(fresh);
    const uncached = await embeddings({ model, cache: false }).embedDocuments(mixed);
    expect(vectors).toEqual(uncached);
  });

  test('the same text as document and as query are different entries (Cohere input_type)', async () => {
    const e = embeddings({ model: 'cohere.embed-english-v3' });
    await e.embedDocuments(['what is a TLS handshake']);
    await e.embedQuery('what is a TLS handshake');
    expect(emu.requests().map((r) => (r.body as { input_type: string }).input_type)).toEqual(['search_document', 'search_query']);
    await e.embedQuery('what is a TLS handshake');
    expect(emu.requests()).toHaveLength(2);
  });

  test.each([
    ['dimensions', { dimensions: 512 }],
    ['normalize', { normalize: false }],
    ['model', { model: 'us.amazon.titan-embed-text-v2:0' }],
  ])('a changed %s misses', async (_name, change) => {
    const model = 'amazon.titan-embed-text-v2:0';
    await embeddings({ model }).embedDocuments(['same text']);
    await embeddings({ model, ...change }).embedDocuments(['same text']);
    expect(emu.requests()).toHaveLength(2);
    // And each setting hits its own entry afterwards.
    await embeddings({ model }).embedDocuments(['same text']);
    await embeddings({ model, ...change }).embedDocuments(['same text']);
    expect(emu.requests()).toHaveLength(2);
  });

  test('a changed Cohere truncate misses', async () => {
    await embeddings({ model: 'cohere.embed-english-v3', truncate: 'NONE' }).embedDocuments(['same text']);
    await embeddings({ model: 'cohere.embed-english-v3', truncate: 'END' }).embedDocuments(['same text']);
    expect(emu.requests()).toHaveLength(2);
  });

  test('instances on different clients do not share entries (no credential identity known: scoped to the client)', async () => {
    const other = emulatorClient(emu);
    try {
      await embeddings().embedDocuments(['shared?']);
      await new BedrockBatchedEmbeddings({ client: other, cache }).embedDocuments(['shared?']);
      expect(emu.requests()).toHaveLength(2);
      await embeddings().embedDocuments(['shared?']);
      expect(emu.requests()).toHaveLength(2);
    } finally {
      other.destroy();
    }
  });

  test('explicit equal cacheScope on two clients shares; cache: false never reads or writes', async () => {
    const other = emulatorClient(emu);
    try {
      const scope = cache.scopeFor({ credentialScope: 'cs1-same', endpoint: emu.url });
      await embeddings({ cacheScope: scope }).embedDocuments(['shared!']);
      await new BedrockBatchedEmbeddings({ client: other, cache, cacheScope: scope }).embedDocuments(['shared!']);
      expect(emu.requests()).toHaveLength(1);
      const off = embeddings({ cache: false, cacheScope: scope });
      await off.embedDocuments(['shared!']);
      await off.embedDocuments(['not stored']);
      await embeddings({ cacheScope: scope }).embedDocuments(['not stored']);
      expect(emu.requests()).toHaveLength(4);
      expect(off.cacheStats()).toEqual({ enabled: false });
    } finally {
      other.destroy();
    }
  });
});

describe('single flight', () => {
  test('20 concurrent identical queries on 20 instances = 1 request; 19 joins', async () => {
    const instances = Array.from({ length: 20 }, () => embeddings({ model: 'amazon.titan-embed-text-v1' }));
    const vectors = await Promise.all(instances.map((e) => e.embedQuery('the same question')));
    expect(emu.requests()).toHaveLength(1);
    expect(new Set(vectors.map((v) => JSON.stringify(v))).size).toBe(1);
    expect(cache.metrics()).toMatchObject({ misses: 1, singleFlightJoins: 19, requestsSaved: 19, hits: 0 });
  });

  test('duplicates inside one call are sent once', async () => {
    const vectors = await embeddings({ model: 'cohere.embed-english-v3' }).embedDocuments(['a', 'b', 'a', 'a', 'b']);
    expect(sentTexts()).toEqual([['a', 'b']]);
    expect(vectors[0]).toEqual(vectors[2]);
    expect(vectors[1]).toEqual(vectors[4]);
    expect(vectors[0]).not.toBe(vectors[2]);
  });
});

describe('failures and copies', () => {
  test('a failed call caches nothing, its concurrent waiters get the error, and the next call sends again', async () => {
    emu.setFaults({ serverError: { status: 500, count: 100 } });
    const e = embeddings({ model: 'amazon.titan-embed-text-v1' });
    const results = await Promise.allSettled([e.embedQuery('fails'), e.embedQuery('fails'), e.embedQuery('fails')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(EmbeddingRequestError);
    // One call (the SDK's 3 attempts), joined by the other two.
    expect(emu.stats().faults['serverError']).toBe(3);
    expect(cache.metrics()).toMatchObject({ entries: 0, singleFlightJoins: 2 });
    emu.setFaults({});
    await until(() => emu.stats().requests.inFlight === 0);
    emu.resetStats();
    const vector = await e.embedQuery('fails');
    expect(vector).toHaveLength(1536);
    expect(emu.stats().requests.total).toBe(1);
    expect(cache.metrics().entries).toBe(1);
  });

  test('mutating a returned vector does not corrupt the cache or another caller', async () => {
    const e = embeddings({ model: 'amazon.titan-embed-text-v2:0', dimensions: 256 });
    const [fresh] = await e.embedDocuments(['mutable']);
    const pristine = [...(fresh as number[])];
    (fresh as number[]).fill(42);
    const [cached] = await e.embedDocuments(['mutable']);
    expect(cached).toEqual(pristine);
    (cached as number[])[0] = -1;
    const [again, twin] = await Promise.all([e.embedQuery('mutable'), e.embedDocuments(['mutable'])]);
    expect(twin[0]).toEqual(pristine);
    expect(again).toHaveLength(256);
    // Titan has no input type: query and document are one entry.
    expect(emu.requests()).toHaveLength(1);
  });
});
