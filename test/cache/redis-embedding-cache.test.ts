/**
 * The embedding cache in a real `redis-server` (started on a free loopback port, persistence off),
 * through the AmazonBedrockEmbeddings component, a real BedrockPool and the emulator over HTTPS:
 * exact round trip with a TTL, credentials isolated in memory and in Redis, no secret in any key or
 * value, and Redis SIGKILLed mid-run leaving every flow answering with one warning.
 */
import { Redis } from 'ioredis';
import { createComponent } from '@bedrock-flow/component';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import {
  amazonBedrockEmbeddingsDefinition,
  EmbeddingCache,
  RedisEmbeddingStore,
  setDefaultEmbeddingCache,
  type BedrockBatchedEmbeddings,
} from '@bedrock-flow/embeddings';
import { CaptureLogger } from '../support/capture-logger';
import { within } from '../support/deadline';
import { redisUnavailable, startRedisServer, type RunningRedis } from '../support/redis-server';
import { SecretScanner } from '../support/secret-scanner';
import { startStack, type Stack } from '../support/stack';

const skipReason = redisUnavailable();
const describeRedis = skipReason === undefined ? describe : describe.skip;

const OTHER_CREDENTIALS: EmulatorCredentials = {
  accessKeyId: 'AKIACACHEOTHER000002',
  secretAccessKey: 'cacheCanarySecretKey/OtherTenant/00000000002',
  sessionToken: 'cacheCanarySessionToken/OtherTenant/000000002',
};
const CACHE_SECRET = 'cacheCanaryOperatorSecret-0123456789';
const DOCS = Array.from({ length: 12 }, (_, i) => `document ${i} about connection reuse and credentials`);

let stack: Stack;
beforeEach(async () => {
  stack = await startStack({ emulator: { credentials: [TEST_CREDENTIALS, OTHER_CREDENTIALS] } });
});
afterEach(async () => {
  await stack.close();
});

function embeddings(nodeId: string, credentials: EmulatorCredentials = TEST_CREDENTIALS, extra: Record<string, unknown> = {}): BedrockBatchedEmbeddings {
  return createComponent(amazonBedrockEmbeddingsDefinition, stack.ctx(nodeId), stack.values({ model_id: 'amazon.titan-embed-text-v2:0', ...extra }, credentials)).build_embeddings();
}

const sent = (): number => stack.emu.requests().length;

describe('in memory (the default store)', () => {
  test('different credentials do not share entries; equal credentials on other nodes and flows do', async () => {
    setDefaultEmbeddingCache({ openTelemetry: false });
    await embeddings('node-a').embedDocuments(DOCS);
    expect(sent()).toBe(12);
    await embeddings('node-b').embedDocuments(DOCS);
    expect(sent()).toBe(12);
    await embeddings('node-c', OTHER_CREDENTIALS).embedDocuments(DOCS);
    expect(sent()).toBe(24);
    expect(stack.emu.stats().auth.byAccessKeyId).toEqual({ [TEST_CREDENTIALS.accessKeyId]: 12, [OTHER_CREDENTIALS.accessKeyId]: 12 });
  });

  test('cache_embeddings off: every run goes to Bedrock', async () => {
    setDefaultEmbeddingCache({ openTelemetry: false });
    await embeddings('node-a', TEST_CREDENTIALS, { cache_embeddings: false }).embedDocuments(DOCS);
    await embeddings('node-a', TEST_CREDENTIALS, { cache_embeddings: 'false' }).embedDocuments(DOCS);
    expect(sent()).toBe(24);
  });

  test('shareAcrossCredentials (operator opt-in) shares entries between credentials', async () => {
    setDefaultEmbeddingCache({ shareAcrossCredentials: true, openTelemetry: false });
    await embeddings('node-a').embedDocuments(DOCS);
    await embeddings('node-c', OTHER_CREDENTIALS).embedDocuments(DOCS);
    expect(sent()).toBe(12);
  });
});

describeRedis('in Redis', () => {
  let redis: RunningRedis;
  let store: RedisEmbeddingStore;
  let logger: CaptureLogger;
  beforeEach(async () => {
    redis = await startRedisServer();
    logger = new CaptureLogger();
    store = new RedisEmbeddingStore({ url: redis.url, logger, commandTimeoutMs: 1_000 });
    await store.ready();
    setDefaultEmbeddingCache(new EmbeddingCache({ store, secret: CACHE_SECRET, openTelemetry: false }));
  });
  afterEach(async () => {
    await store.close();
    await redis.stop();
  });

  /** Every key and value in the server, read with a separate client. */
  async function dump(): Promise<Array<{ key: string; value: Buffer; ttl: number }>> {
    const reader = new Redis(redis.url);
    try {
      const keys = await reader.keys('*');
      return await Promise.all(keys.map(async (key) => ({ key, value: (await reader.getBuffer(key)) as Buffer, ttl: await reader.ttl(key) })));
    } finally {
      reader.disconnect();
    }
  }

  test('vectors come back exactly as Bedrock sent them, 4 or 8 bytes a value, with a 7-day TTL', async () => {
    const fresh = await embeddings('node-a').embedDocuments(DOCS);
    const cachedEmbeddings = embeddings('node-b');
    const cached = await cachedEmbeddings.embedDocuments(DOCS);
    expect(sent()).toBe(12);
    expect(cached).toEqual(fresh);
    expect(cachedEmbeddings.cacheStats()).toMatchObject({ enabled: true, store: 'redis', hits: 12, misses: 0, requestsSaved: 12 });
    const entries = await dump();
    expect(entries).toHaveLength(12);
    const bytesPerValue = fresh.flat().every((x) => Math.fround(x) === x) ? 4 : 8;
    for (const { key, value, ttl } of entries) {
      expect(key).toMatch(/^bedrock-flow:embedding:v1:[0-9a-f]{64}$/);
      // float32 (4 bytes) when every value is one, else float64 (8): exact either way. The emulator's are doubles.
      expect(value.length).toBe(1 + 1024 * bytesPerValue);
      expect(ttl).toBeGreaterThan(7 * 24 * 3600 - 60);
      expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600);
    }
  });

  test('different credentials do not share entries in Redis, and no secret is in any key or value', async () => {
    await embeddings('node-a').embedDocuments(DOCS);
    await embeddings('node-c', OTHER_CREDENTIALS).embedDocuments(DOCS);
    await embeddings('node-d', OTHER_CREDENTIALS).embedDocuments(DOCS);
    expect(sent()).toBe(24);
    const entries = await dump();
    expect(entries).toHaveLength(24);
    const scanner = new SecretScanner([
      TEST_CREDENTIALS.secretAccessKey,
      OTHER_CREDENTIALS.secretAccessKey,
      OTHER_CREDENTIALS.sessionToken as string,
      CACHE_SECRET,
    ]);
    for (const { key, value } of entries) {
      scanner.scanText(`redis key ${key}`, key);
      scanner.scanText(`redis value of ${key} (latin1)`, value.toString('latin1'));
      scanner.scanText(`redis value of ${key} (utf8)`, value.toString('utf8'));
    }
    const cache = setDefaultEmbeddingCache(new EmbeddingCache({ store, secret: CACHE_SECRET, openTelemetry: false }));
    scanner.scanObject('cache metrics', cache.metrics());
    scanner.scanObject('embeddings instance', embeddings('node-e', OTHER_CREDENTIALS));
    scanner.scanText('logs', logger.text());
    expect(scanner.places).toBeGreaterThan(24 * 3);
    expect(scanner.hits).toEqual([]);
  });

  test('a fresh store, still connecting, on a Redis another store filled: its first lookup hits, no warning', async () => {
    await embeddings('node-a').embedDocuments(DOCS);
    expect(sent()).toBe(12);
    const freshLogger = new CaptureLogger();
    // No ready(): the first lookup comes while the client is still connecting, as in a worker that embeds at start.
    const fresh = new RedisEmbeddingStore({ url: redis.url, logger: freshLogger });
    try {
      const cache = setDefaultEmbeddingCache(new EmbeddingCache({ store: fresh, secret: CACHE_SECRET, openTelemetry: false }));
      const vectors = await within(embeddings('node-b').embedDocuments(DOCS), 'the first call of a fresh store');
      expect(vectors).toHaveLength(12);
      expect(sent()).toBe(12);
      expect(cache.metrics()).toMatchObject({ hits: 12, misses: 0, storeErrors: 0 });
      expect(freshLogger.lines).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test('a fresh store on a Redis that is down: one warning, no wait for the connect timeout, every call answers from Bedrock', async () => {
    await redis.kill();
    const freshLogger = new CaptureLogger();
    // A refused connection is a real failure: the lookup must not wait out this (deliberately long) connect timeout.
    const fresh = new RedisEmbeddingStore({ url: redis.url, logger: freshLogger, connectTimeoutMs: 60_000 });
    try {
      const cache = setDefaultEmbeddingCache(new EmbeddingCache({ store: fresh, secret: CACHE_SECRET, openTelemetry: false }));
      await within(embeddings('node-a').embedDocuments(DOCS), 'the first call on a dead Redis', 5_000);
      await within(embeddings('node-a').embedDocuments(DOCS.slice(0, 4)), 'the next call on a dead Redis', 5_000);
      expect(sent()).toBe(12 + 4);
      expect(cache.metrics()).toMatchObject({ hits: 0 });
      const warnings = freshLogger.lines.filter((line) => line.level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.text).toMatch(/Redis at 127\.0\.0\.1:\d+ unavailable \(.*ECONNREFUSED.*\); embedding without the cache/);
    } finally {
      await fresh.close();
    }
  });

  test('Redis SIGKILLed mid-run: every flow still answers from Bedrock, one warning per outage, caching resumes after', async () => {
    await embeddings('node-a').embedDocuments(DOCS.slice(0, 6));
    expect(sent()).toBe(6);
    await redis.kill();
    // Mid-run: a batch that was cached and new texts, on several nodes at once.
    const during = await within(
      Promise.all([embeddings('node-a').embedDocuments(DOCS), embeddings('node-b').embedQuery('a question'), embeddings('node-c', OTHER_CREDENTIALS).embedDocuments(DOCS.slice(0, 3))]),
      'flows while Redis is down',
    );
    expect(during[0]).toHaveLength(12);
    expect(during[1]).toHaveLength(1024);
    expect(during[2]).toHaveLength(3);
    for (let i = 0; i < 5; i += 1) await within(embeddings('node-a').embedQuery(`question ${i}`), 'a query while Redis is down');
    expect(sent()).toBe(6 + 12 + 1 + 3 + 5);
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.text).toMatch(/Redis at 127\.0\.0\.1:\d+ unavailable .*embedding without the cache/);
    const cache = setDefaultEmbeddingCache(new EmbeddingCache({ store, secret: CACHE_SECRET, openTelemetry: false }));
    await redis.restart();
    await store.ready(10_000);
    expect(logger.lines.filter((line) => line.level === 'info').map((line) => line.text)).toEqual([expect.stringMatching(/is back; caching again/)]);
    const before = sent();
    await embeddings('node-a').embedDocuments(DOCS);
    await embeddings('node-b').embedDocuments(DOCS);
    expect(sent() - before).toBe(12);
    expect(cache.metrics()).toMatchObject({ hits: 12, misses: 12, storeErrors: 0 });
  });

  test('a hung Redis (SIGSTOP) costs bounded command timeouts: every flow answers, one warning, caching resumes on SIGCONT', async () => {
    await embeddings('node-a').embedDocuments(DOCS.slice(0, 4));
    redis.pause();
    try {
      const answers = await within(
        Promise.all([embeddings('node-a').embedDocuments(DOCS), embeddings('node-b').embedQuery('hung?'), embeddings('node-c', OTHER_CREDENTIALS).embedQuery('hung!')]),
        'flows while Redis is hung',
      );
      expect(answers.map((a) => a.length)).toEqual([12, 1024, 1024]);
      for (let i = 0; i < 3; i += 1) await within(embeddings('node-a').embedQuery(`hung question ${i}`), 'a query while Redis is hung');
    } finally {
      redis.resume();
    }
    expect(sent()).toBe(4 + 12 + 1 + 1 + 3);
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(logger.lines.find((line) => line.level === 'warn')?.text).toMatch(/unavailable \(Command timed out\)/);
  });
});

if (skipReason !== undefined) {
  test.skip(`Redis tests skipped (BEDROCK_FLOW_SKIP_REDIS=1): ${skipReason}`, () => undefined);
}
