import { Redis } from 'ioredis';
import { EmbeddingCacheConfigError } from '../errors/embedding-cache-config-error';
import type { EmbeddingStore, EmbeddingStoreStats } from './embedding-store';

/** Default lifetime of a Redis entry: 7 days (vectors of a model never change; the TTL only bounds Redis' memory). */
export const DEFAULT_REDIS_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Default prefix of every key the store writes. */
export const DEFAULT_REDIS_KEY_PREFIX = 'bedrock-flow:embedding:v1:';
/** Default bound on connecting (TCP + AUTH + ready check), ms. */
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 2_000;
/** Default bound on one command, ms: a hung Redis costs a flow at most this, then the cache is skipped. */
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 500;
/** After a failure, calls skip Redis this long (ms) unless it reconnects first: a hung server costs one timeout a second, not one per call. */
export const REDIS_FAILURE_BACKOFF_MS = 1_000;

/** Where the store reports an outage (once) and its end. Default `console`. */
export interface EmbeddingCacheLogger {
  warn(message: string): void;
  info?(message: string): void;
}

/** Options of {@link RedisEmbeddingStore}. */
export interface RedisEmbeddingStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). Default `redis://127.0.0.1:6379`. */
  url?: string;
  /** Seconds an entry lives, refreshed on every write. Default 604800 (7 days). */
  ttlSeconds?: number;
  /** Prefix of every key. Default `bedrock-flow:embedding:v1:`. */
  keyPrefix?: string;
  /** Bound on connecting, ms. Default 2000. */
  connectTimeoutMs?: number;
  /** Bound on each command, ms. Default 500. */
  commandTimeoutMs?: number;
  /** Outage warnings (once per outage) and recovery notices. Default `console`. */
  logger?: EmbeddingCacheLogger;
}

/**
 * A store shared by processes (workers of n8n queue mode, several Node-RED or flow-runner processes):
 * Redis through `ioredis`, one key per vector with a TTL, values as encoded float32 bytes. It never
 * makes a flow wait on a dead Redis: the offline queue is off (commands fail at once while
 * disconnected), commands and connects are time-bounded, a failure is thrown to the cache (which
 * answers from Bedrock instead) and warned about once per outage; `ioredis` reconnects in the background.
 * A connection being established is not an outage: the first lookups of a fresh store wait for it, at
 * most the connect timeout, so a new worker on a filled Redis hits on its very first call.
 */
export class RedisEmbeddingStore implements EmbeddingStore {
  readonly kind = 'redis';
  readonly sharedAcrossProcesses = true;
  /** Seconds an entry lives. */
  readonly ttlSeconds: number;
  /** Prefix of every key. */
  readonly keyPrefix: string;
  /** `host:port` of the server, for messages (never the password). */
  readonly address: string;
  readonly #client: Redis;
  readonly #logger: EmbeddingCacheLogger;
  #healthy = true;
  #closed = false;
  #skipUntil = 0;
  /** Bound on connecting, ms: also how long the first lookups wait for the first connection. */
  readonly #connectTimeoutMs: number;
  /** Whether the client was ever ready: until then, `connecting` is a start, not an outage. */
  #everReady = false;
  /** The first lookups' wait for the first connection; settles (never rejects) on ready, failure or timeout. */
  #firstConnection: Promise<void> | undefined;

  constructor(options: RedisEmbeddingStoreOptions = {}) {
    const url = options.url ?? 'redis://127.0.0.1:6379';
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new EmbeddingCacheConfigError('url', 'is not a URL', 'redis://host:port or rediss://host:port');
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
      throw new EmbeddingCacheConfigError('url', `has protocol "${parsed.protocol}"`, 'redis://host:port or rediss://host:port');
    }
    this.address = `${parsed.hostname}:${parsed.port || '6379'}`;
    this.ttlSeconds = positiveInteger('ttlSeconds', options.ttlSeconds ?? DEFAULT_REDIS_TTL_SECONDS);
    this.keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
    this.#logger = options.logger ?? console;
    this.#connectTimeoutMs = positiveInteger('connectTimeoutMs', options.connectTimeoutMs ?? DEFAULT_REDIS_CONNECT_TIMEOUT_MS);
    this.#client = new Redis(url, {
      connectTimeout: this.#connectTimeoutMs,
      commandTimeout: positiveInteger('commandTimeoutMs', options.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS),
      // While disconnected, fail at once instead of queueing: the flow goes to Bedrock, not to a wait.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect in the background, backing off to 2 s between attempts.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    });
    this.#client.on('error', (error: Error) => this.#outage(error));
    this.#client.on('ready', () => {
      this.#everReady = true;
      this.#skipUntil = 0;
      if (this.#healthy) return;
      this.#healthy = true;
      this.#logger.info?.(`bedrock-flow embedding cache: Redis at ${this.address} is back; caching again.`);
    });
  }

  /**
   * Resolves once connected; rejects after `timeoutMs`. Lookups already wait for the first connection (up
   * to the connect timeout), so hosts need this only to fail fast at start-up on a Redis that is not there.
   */
  async ready(timeoutMs = 5_000): Promise<void> {
    if (this.#client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#client.off('ready', onReady);
        reject(new Error(`Redis at ${this.address} not ready after ${timeoutMs} ms (status ${this.#client.status})`));
      }, timeoutMs);
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.#client.once('ready', onReady);
    });
  }

  async getMany(keys: readonly string[]): Promise<Array<Uint8Array | undefined>> {
    await this.#connected();
    try {
      const values = await this.#client.mgetBuffer(...keys.map((key) => this.keyPrefix + key));
      this.#recovered();
      return values.map((value) => value ?? undefined);
    } catch (error) {
      throw this.#outage(error);
    }
  }

  async setMany(entries: ReadonlyArray<readonly [string, Uint8Array]>): Promise<void> {
    await this.#connected();
    const pipeline = this.#client.pipeline();
    for (const [key, value] of entries) pipeline.set(this.keyPrefix + key, Buffer.from(value.buffer, value.byteOffset, value.byteLength), 'EX', this.ttlSeconds);
    try {
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error !== null);
      if (failed) throw failed[0];
      this.#recovered();
    } catch (error) {
      throw this.#outage(error);
    }
  }

  /** Redis keeps its own size (`INFO memory`); the store does not count. */
  stats(): EmbeddingStoreStats {
    return { entries: null, bytes: null, evictions: null };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#client.disconnect();
  }

  /**
   * Throws unless commands can run now. A fresh store's client is still connecting when its first lookup
   * comes (a new worker process embeds at once): that is a start, not an outage, so the first lookups wait
   * for the first connection, at most the connect timeout. Only a real failure (refused, reset, timed
   * out) warns and starts the back-off; after that, and once the store was ever connected, nothing waits.
   */
  async #connected(): Promise<void> {
    const status = this.#client.status;
    if (this.#firstConnection === undefined && !this.#everReady && !this.#closed && (status === 'wait' || status === 'connecting' || status === 'connect')) {
      this.#firstConnection = this.#waitForFirstConnection();
    }
    if (this.#firstConnection) await this.#firstConnection;
    this.#checkConnected();
  }

  /** Settles when the first connection is ready, fails (the 'error' handler warned), or the connect timeout passes (warns here). */
  #waitForFirstConnection(): Promise<void> {
    return new Promise<void>((resolve) => {
      const settle = (): void => {
        clearTimeout(timer);
        this.#client.off('ready', settle);
        this.#client.off('error', settle);
        this.#client.off('end', settle);
        resolve();
      };
      const timer = setTimeout(() => {
        settle();
        if (this.#client.status !== 'ready') this.#outage(new Error(`not connected within ${this.#connectTimeoutMs} ms (status ${this.#client.status})`));
      }, this.#connectTimeoutMs);
      // The wait must not keep a process alive on its own (the client's socket does while it matters).
      timer.unref();
      this.#client.once('ready', settle);
      this.#client.once('error', settle);
      this.#client.once('end', settle);
    });
  }

  #checkConnected(): void {
    if (this.#closed) throw new Error('the Redis embedding store is closed');
    if (this.#client.status !== 'ready') throw this.#outage(new Error(`not connected (status ${this.#client.status})`));
    if (Date.now() < this.#skipUntil) throw new Error('skipped: Redis failed less than a second ago');
  }

  /** A command succeeded: a hung server that answers again ends the outage. */
  #recovered(): void {
    if (this.#healthy) return;
    this.#healthy = true;
    this.#skipUntil = 0;
    this.#logger.info?.(`bedrock-flow embedding cache: Redis at ${this.address} is back; caching again.`);
  }

  /** Warns on the first failure of an outage only, so a dead Redis is one log line, not one per call. */
  #outage(error: unknown): Error {
    const reason = error instanceof Error ? error.message : String(error);
    this.#skipUntil = Date.now() + REDIS_FAILURE_BACKOFF_MS;
    if (this.#healthy && !this.#closed) {
      this.#healthy = false;
      this.#logger.warn(`bedrock-flow embedding cache: Redis at ${this.address} unavailable (${reason}); embedding without the cache until it is back.`);
    }
    return error instanceof Error ? error : new Error(reason);
  }
}

function positiveInteger(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new EmbeddingCacheConfigError(field, `${JSON.stringify(value)} is not a positive integer`, 'a whole number, at least 1');
  }
  return value;
}
