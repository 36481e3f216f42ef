/**
 * The cache's pieces on their own: the vector codec (exact round trip), the content address, the
 * byte-bounded LRU store, option checks, the OpenTelemetry counters. No network.
 */
import fc from 'fast-check';
import {
  EMBEDDING_CACHE_COUNTER_NAMES,
  EmbeddingCache,
  EmbeddingCacheConfigError,
  MemoryEmbeddingStore,
  RedisEmbeddingStore,
  createOpenTelemetryCacheSink,
  crossProcessCredentialScope,
  decodeVector,
  embeddingCacheOptionsFromEnv,
  embeddingCacheKey,
  encodeVector,
} from '../../src';

describe('vector codec', () => {
  test('float32 vectors (what Bedrock returns) round-trip exactly in 4 bytes a value', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true }), { maxLength: 300 }), (values) => {
        const vector = values.map((v) => Math.fround(v));
        const bytes = encodeVector(vector);
        expect(bytes.length).toBe(1 + 4 * vector.length);
        expect(decodeVector(bytes)).toEqual(vector);
      }),
    );
  });

  test('other doubles round-trip exactly in 8 bytes a value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 100 }), (vector) => {
        const decoded = decodeVector(encodeVector(vector));
        expect(decoded).toEqual(vector);
      }),
    );
    expect(encodeVector([0.1, 0.2]).length).toBe(1 + 2 * 8);
  });

  test('foreign bytes do not decode', () => {
    expect(decodeVector(Buffer.from('not a vector'))).toBeUndefined();
    expect(decodeVector(Buffer.from([0x32, 1, 2, 3]))).toBeUndefined();
    expect(decodeVector(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('content address', () => {
  const base = { scope: 'cs1-a|aws', model: 'amazon.titan-embed-text-v2:0', parameters: '{"inputText":<text>,"dimensions":1024,"normalize":true}', text: 'hello' };
  test('is a SHA-256 hex that changes with every part', () => {
    const key = embeddingCacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(embeddingCacheKey({ ...base })).toBe(key);
    for (const [part, value] of Object.entries({ scope: 'cs1-b|aws', model: 'amazon.titan-embed-text-v1', parameters: '{"inputText":<text>,"dimensions":512,"normalize":true}', text: 'hello!' })) {
      expect(embeddingCacheKey({ ...base, [part]: value })).not.toBe(key);
    }
  });
  test('parts cannot run into each other', () => {
    expect(embeddingCacheKey({ ...base, model: 'ab', text: 'c' })).not.toBe(embeddingCacheKey({ ...base, model: 'a', text: 'bc' }));
  });
});

describe('MemoryEmbeddingStore', () => {
  const key = (i: number): string => i.toString(16).padStart(64, '0');
  test('is bounded in bytes: least recently used entries are evicted, and counted', async () => {
    const vector = encodeVector(Array.from({ length: 256 }, (_, i) => Math.fround(i / 7))); // 1 + 1024 bytes
    const entrySize = vector.length + 64;
    const store = new MemoryEmbeddingStore({ maxBytes: entrySize * 10 });
    let evicted = 0;
    store.onEviction = (n) => (evicted += n);
    await store.setMany(Array.from({ length: 10 }, (_, i) => [key(i), vector] as const));
    expect(store.stats()).toEqual({ entries: 10, bytes: entrySize * 10, evictions: 0 });
    await store.getMany([key(0)]); // 0 is now the most recently used
    await store.setMany([[key(10), vector], [key(11), vector]]);
    expect(store.stats()).toEqual({ entries: 10, bytes: entrySize * 10, evictions: 2 });
    expect(evicted).toBe(2);
    const [k0, k1, k2, k3] = await store.getMany([key(0), key(1), key(2), key(3)]);
    expect(k0).toBeDefined();
    expect(k1).toBeUndefined();
    expect(k2).toBeUndefined();
    expect(k3).toBeDefined();
  });

  test('bigger vectors take more of the bound than smaller ones', async () => {
    const small = encodeVector(new Array(256).fill(0.5));
    const large = encodeVector(new Array(1024).fill(0.5));
    const store = new MemoryEmbeddingStore({ maxBytes: 8 * (large.length + 64) });
    await store.setMany(Array.from({ length: 30 }, (_, i) => [key(i), small] as const));
    const smallEntries = store.stats().entries as number;
    await store.setMany(Array.from({ length: 30 }, (_, i) => [key(100 + i), large] as const));
    expect(store.stats().entries).toBe(8);
    expect(smallEntries).toBe(30);
    expect(store.stats().bytes).toBeLessThanOrEqual(store.maxBytes);
  });

  test('a cache over it reports evictions and size in metrics()', async () => {
    const cache = new EmbeddingCache({ maxBytes: 3 * (1 + 4 * 4 + 64), openTelemetry: false });
    let n = 0;
    for (let i = 0; i < 5; i += 1) {
      await cache.embed({ scope: 's', model: 'm', parameters: 'p', texts: [`t${i}`], requestsFor: (c) => c, fetch: async (idx) => idx.map(() => [n++, 0.5, 0.25, 1]) });
    }
    expect(cache.metrics()).toMatchObject({ store: 'memory', entries: 3, evictions: 2, misses: 5, hits: 0, maxBytes: 3 * 81, bytes: 3 * 81 });
  });
});

describe('options', () => {
  test('bad sizes, TTLs and URLs are refused with the option named', () => {
    expect(() => new MemoryEmbeddingStore({ maxBytes: 0 })).toThrow(expect.objectContaining({ code: 'ERR_EMBEDDINGS_CACHE_CONFIG_INVALID', field: 'maxBytes' }));
    expect(() => new EmbeddingCache({ maxBytes: 1.5 })).toThrow(EmbeddingCacheConfigError);
    expect(() => new RedisEmbeddingStore({ url: 'http://127.0.0.1:6379' })).toThrow(expect.objectContaining({ field: 'url' }));
    expect(() => new RedisEmbeddingStore({ url: 'redis://127.0.0.1:1', ttlSeconds: -1 })).toThrow(expect.objectContaining({ field: 'ttlSeconds' }));
    expect(() => new EmbeddingCache({ shareAcrossCredentials: 'yes' as unknown as boolean })).toThrow(expect.objectContaining({ field: 'shareAcrossCredentials' }));
  });

  test('a store shared by processes needs a cache secret (or the opt-in to share across credentials)', async () => {
    const shared = { kind: 'redis', sharedAcrossProcesses: true, getMany: async () => [], setMany: async () => undefined, stats: () => ({ entries: null, bytes: null, evictions: null }), close: async () => undefined };
    const saved = process.env['BEDROCK_FLOW_CACHE_SECRET'];
    delete process.env['BEDROCK_FLOW_CACHE_SECRET'];
    try {
      expect(() => new EmbeddingCache({ store: shared, openTelemetry: false })).toThrow(expect.objectContaining({ field: 'secret', message: expect.stringContaining('BEDROCK_FLOW_CACHE_SECRET') }));
      expect(() => new EmbeddingCache({ store: shared, secret: 'short', openTelemetry: false })).toThrow(expect.objectContaining({ field: 'secret' }));
      const cache = new EmbeddingCache({ store: shared, secret: 'a-long-enough-operator-secret', openTelemetry: false });
      expect(() => cache.scopeFor({ credentialScope: 'cs1-x' })).toThrow(expect.objectContaining({ field: 'credentials' }));
      expect(new EmbeddingCache({ store: shared, shareAcrossCredentials: true, openTelemetry: false }).scopeFor({})).toBe('shared|aws');
    } finally {
      if (saved !== undefined) process.env['BEDROCK_FLOW_CACHE_SECRET'] = saved;
    }
  });
});

describe('options from the environment', () => {
  test('a Redis URL without a cache secret is refused before any Redis client exists', () => {
    expect(() => embeddingCacheOptionsFromEnv({ BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL: 'redis://127.0.0.1:1' })).toThrow(
      expect.objectContaining({ code: 'ERR_EMBEDDINGS_CACHE_CONFIG_INVALID', field: 'BEDROCK_FLOW_CACHE_SECRET' }),
    );
    expect(() => embeddingCacheOptionsFromEnv({ BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL: 'redis://127.0.0.1:1', BEDROCK_FLOW_CACHE_SECRET: 'short' })).toThrow(
      expect.objectContaining({ field: 'BEDROCK_FLOW_CACHE_SECRET' }),
    );
  });
  test('the byte bound', () => {
    expect(embeddingCacheOptionsFromEnv({})).toEqual({});
    expect(embeddingCacheOptionsFromEnv({ BEDROCK_FLOW_EMBEDDING_CACHE_MAX_BYTES: '1048576' })).toEqual({ maxBytes: 1048576 });
    expect(() => embeddingCacheOptionsFromEnv({ BEDROCK_FLOW_EMBEDDING_CACHE_MAX_BYTES: '64MB' })).toThrow(expect.objectContaining({ field: 'BEDROCK_FLOW_EMBEDDING_CACHE_MAX_BYTES' }));
  });
});

describe('cross-process credential scope', () => {
  const SECRET = 'operator-cache-secret-0001';
  const a = { kind: 'static' as const, accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'canarySecretAccessKey/AAAAAAAAAAAAAAAAAAAA' };
  test('equal credentials and secret: equal scope; any other secret key, token, kind or cache secret: another scope', () => {
    const scope = crossProcessCredentialScope(a, SECRET);
    expect(scope).toMatch(/^cx1-[A-Za-z0-9_-]{32}$/);
    expect(crossProcessCredentialScope({ ...a, origin: 'node' } as typeof a, SECRET)).toBe(scope);
    expect(crossProcessCredentialScope({ ...a, secretAccessKey: 'canarySecretAccessKey/BBBBBBBBBBBBBBBBBBBB' }, SECRET)).not.toBe(scope);
    expect(crossProcessCredentialScope({ ...a, sessionToken: 'token' }, SECRET)).not.toBe(scope);
    expect(crossProcessCredentialScope(a, 'another-operator-secret')).not.toBe(scope);
    expect(crossProcessCredentialScope({ kind: 'profile', profile: 'dev' }, SECRET)).not.toBe(crossProcessCredentialScope({ kind: 'profile', profile: 'prod' }, SECRET));
    expect(crossProcessCredentialScope({ kind: 'default' }, SECRET, { AWS_ACCESS_KEY_ID: 'A' })).not.toBe(crossProcessCredentialScope({ kind: 'default' }, SECRET, { AWS_ACCESS_KEY_ID: 'B' }));
    expect(scope).not.toContain('canarySecret');
    expect(scope).not.toContain(a.accessKeyId);
  });
});

test('OpenTelemetry: one counter per cache counter, fed with increments', async () => {
  const added: Array<[string, number, Record<string, string> | undefined]> = [];
  const meter = { createCounter: (name: string) => ({ add: (value: number, attributes?: Record<string, string>) => added.push([name, value, attributes]) }) };
  const sink = createOpenTelemetryCacheSink(meter, { store: 'memory' });
  for (const name of EMBEDDING_CACHE_COUNTER_NAMES) sink(name, 2);
  expect(added.map(([name]) => name)).toEqual([
    'bedrock_flow.embedding_cache.hits',
    'bedrock_flow.embedding_cache.misses',
    'bedrock_flow.embedding_cache.single_flight_joins',
    'bedrock_flow.embedding_cache.requests_saved',
    'bedrock_flow.embedding_cache.store_errors',
    'bedrock_flow.embedding_cache.evictions',
  ]);
  expect(added.every(([, value, attributes]) => value === 2 && attributes?.['store'] === 'memory')).toBe(true);
});
