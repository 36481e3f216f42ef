import { randomUUID } from 'node:crypto';
import type { CredentialSource } from '@bedrock-flow/bedrock-pool';
import { EmbeddingCacheConfigError } from '../errors/embedding-cache-config-error';
import { crossProcessCredentialScope } from './cross-process-credential-scope';
import { embeddingCacheKey } from './embedding-cache-key';
import {
  zeroCounters,
  type EmbeddingCacheCounterName,
  type EmbeddingCacheCounters,
  type EmbeddingCacheMetricsSink,
  type EmbeddingCacheMetricsSnapshot,
} from './embedding-cache-metrics';
import type { EmbeddingStore } from './embedding-store';
import { MemoryEmbeddingStore } from './memory-embedding-store';
import { loadOpenTelemetryCacheSink } from './open-telemetry-cache-sink';
import { SingleFlight, type Deferred } from './single-flight';
import { decodeVector, encodeVector } from './vector-codec';

/** Shortest cache secret accepted: 16 characters (an HMAC key guessable by brute force would expose scopes). */
export const MIN_CACHE_SECRET_LENGTH = 16;

/** Options of {@link EmbeddingCache}. */
export interface EmbeddingCacheOptions {
  /** Where vectors live. Default: a {@link MemoryEmbeddingStore} of `maxBytes`. */
  store?: EmbeddingStore;
  /** Byte bound of the default in-process store. Default 64 MiB. Ignored when `store` is given. */
  maxBytes?: number;
  /** Share entries between different credentials (same model, parameters and text give the same vector anyway). Default `false`: entries never cross credentials. */
  shareAcrossCredentials?: boolean;
  /**
   * HMAC key for credential scopes in a store shared by processes (Redis), the same in every worker:
   * per-process scopes would never match across processes. Required with such a store unless
   * `shareAcrossCredentials`; at least 16 characters. Default `process.env.BEDROCK_FLOW_CACHE_SECRET`.
   */
  secret?: string;
  /** Feed OpenTelemetry counters when `@opentelemetry/api` is installed. Default `true`. */
  openTelemetry?: boolean;
}

/** What a cache scope is derived from; give what is known. */
export interface EmbeddingCacheScopeInput {
  /** The pool's secret-free, per-process credential identity (`lease.credentialScope`). */
  credentialScope?: string | undefined;
  /** The credential source itself, needed for a store shared by processes (only ever HMAC'd). */
  credentials?: CredentialSource | undefined;
  /** The endpoint the requests go to (another endpoint may be another service); absent = AWS's regional one. */
  endpoint?: string | undefined;
  /** The client: when nothing else identifies the credentials, entries are scoped to this client object. */
  client?: object | undefined;
}

/** One call's texts, for {@link EmbeddingCache.embed}. */
export interface CachedEmbedRequest {
  /** From {@link EmbeddingCache.scopeFor}. */
  scope: string;
  /** Model id as sent. */
  model: string;
  /** The family's request body without the text(s). */
  parameters: string;
  /** Texts as they would be sent, in the caller's order. */
  texts: readonly string[];
  /** Requests that `count` texts cost (Titan `count`, Cohere `ceil(count / 96)`), for `requestsSaved`. */
  requestsFor(count: number): number;
  /** Embeds `texts[i]` for each `i` of `indexes` (the misses, in order), returning their vectors in that order. */
  fetch(indexes: readonly number[]): Promise<number[][]>;
  /** Extra counters to add this call's figures to (the embeddings instance's own). */
  counters?: EmbeddingCacheCounters;
}

interface OwnedFlight {
  index: number;
  flight: Deferred<Uint8Array>;
}

const clientScopes = new WeakMap<object, string>();

/**
 * A content-addressed embedding cache: model + request parameters + text + credential scope -> the
 * vector, in a bounded store (in-process LRU or Redis). Concurrent requests for one vector share one
 * Bedrock call (single flight); a failed call caches nothing and its waiters get the error; every
 * caller gets its own copy of a vector. One instance is meant to be shared by every node of every
 * flow of a process (see `defaultEmbeddingCache()`).
 */
export class EmbeddingCache {
  /** Where vectors live. */
  readonly store: EmbeddingStore;
  /** Whether entries are shared across credentials. */
  readonly shareAcrossCredentials: boolean;
  readonly #secret: string | undefined;
  readonly #flights = new SingleFlight<Uint8Array>();
  readonly #counters = zeroCounters();
  #sink: EmbeddingCacheMetricsSink | undefined;

  constructor(options: EmbeddingCacheOptions = {}) {
    this.store = options.store ?? new MemoryEmbeddingStore(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
    if (options.shareAcrossCredentials !== undefined && typeof options.shareAcrossCredentials !== 'boolean') {
      throw new EmbeddingCacheConfigError('shareAcrossCredentials', `${JSON.stringify(options.shareAcrossCredentials)} is not a boolean`, 'true or false (default false)');
    }
    this.shareAcrossCredentials = options.shareAcrossCredentials ?? false;
    const secret = options.secret ?? process.env['BEDROCK_FLOW_CACHE_SECRET'];
    if (this.store.sharedAcrossProcesses && !this.shareAcrossCredentials) {
      if (typeof secret !== 'string' || secret.length < MIN_CACHE_SECRET_LENGTH) {
        throw new EmbeddingCacheConfigError(
          'secret',
          secret === undefined ? `is required with a ${this.store.kind} store shared by processes` : `is not a string of at least ${MIN_CACHE_SECRET_LENGTH} characters`,
          `the same random string of ${MIN_CACHE_SECRET_LENGTH}+ characters in every process (option secret or BEDROCK_FLOW_CACHE_SECRET), or shareAcrossCredentials: true`,
        );
      }
    }
    this.#secret = secret;
    if (this.store instanceof MemoryEmbeddingStore) this.store.onEviction = (count) => this.#count('evictions', count);
    if (options.openTelemetry !== false) {
      void loadOpenTelemetryCacheSink({ store: this.store.kind }).then((sink) => {
        this.#sink = sink;
      });
    }
  }

  /**
   * The scope entries of one credential identity live in: `shared` when the operator opted in, an
   * HMAC with the cache secret for a store shared by processes, else the pool's per-process
   * credential scope, else the client object itself; the endpoint always joins it.
   */
  scopeFor(input: EmbeddingCacheScopeInput): string {
    const endpoint = input.endpoint ?? 'aws';
    if (this.shareAcrossCredentials) return `shared|${endpoint}`;
    if (this.store.sharedAcrossProcesses) {
      if (input.credentials === undefined) {
        throw new EmbeddingCacheConfigError('credentials', `are needed to scope entries of a ${this.store.kind} store shared by processes`, 'the credential source the client signs with');
      }
      return `${crossProcessCredentialScope(input.credentials, this.#secret as string)}|${endpoint}`;
    }
    if (input.credentialScope !== undefined) return `${input.credentialScope}|${endpoint}`;
    if (input.client !== undefined) {
      let scope = clientScopes.get(input.client);
      if (scope === undefined) {
        scope = `client-${randomUUID()}`;
        clientScopes.set(input.client, scope);
      }
      return `${scope}|${endpoint}`;
    }
    throw new EmbeddingCacheConfigError('scope', 'cannot be derived: no credential scope, credentials or client given', 'lease.credentialScope, the credential source or the client');
  }

  /**
   * The vectors of `request.texts` in order: hits from the store, in-flight vectors joined, and only
   * the rest fetched (once per distinct text) and then stored. Store failures count as misses.
   */
  async embed(request: CachedEmbedRequest): Promise<number[][]> {
    const waits = new Array<Promise<Uint8Array>>(request.texts.length);
    const owned = new Map<string, OwnedFlight>();
    let joins = 0;
    request.texts.forEach((text, index) => {
      const key = embeddingCacheKey({ scope: request.scope, model: request.model, parameters: request.parameters, text });
      const mine = owned.get(key);
      if (mine) {
        waits[index] = mine.flight.promise;
        return;
      }
      const claim = this.#flights.claim(key);
      if ('joined' in claim) {
        joins += 1;
        waits[index] = claim.joined;
        return;
      }
      owned.set(key, { index, flight: claim.owned });
      waits[index] = claim.owned.promise;
    });
    const misses = owned.size === 0 ? 0 : await this.#fill(owned, request);
    const counts: Partial<EmbeddingCacheCounters> = {
      hits: request.texts.length - misses - joins,
      misses,
      singleFlightJoins: joins,
      requestsSaved: request.requestsFor(request.texts.length) - request.requestsFor(misses),
    };
    for (const [name, value] of Object.entries(counts) as Array<[EmbeddingCacheCounterName, number]>) {
      this.#count(name, value, request.counters);
    }
    const encoded = await Promise.all(waits);
    // Decoding makes a fresh array per caller: mutating it cannot reach the store or another caller.
    return encoded.map((bytes) => decodeVector(bytes) as number[]);
  }

  /** `pool.metrics()`-style JSON: counters and the store's size. */
  metrics(): EmbeddingCacheMetricsSnapshot {
    const stats = this.store.stats();
    return {
      store: this.store.kind,
      ...this.#counters,
      entries: stats.entries,
      bytes: stats.bytes,
      maxBytes: this.store instanceof MemoryEmbeddingStore ? this.store.maxBytes : null,
      shareAcrossCredentials: this.shareAcrossCredentials,
    };
  }

  /** Closes the store. In-flight calls still finish (they no longer store). */
  async close(): Promise<void> {
    await this.store.close();
  }

  /** Looks the owned keys up, fetches the misses, stores them; returns how many were fetched. */
  async #fill(owned: Map<string, OwnedFlight>, request: CachedEmbedRequest): Promise<number> {
    const keys = [...owned.keys()];
    try {
      let found: Array<Uint8Array | undefined> = [];
      try {
        found = await this.store.getMany(keys);
      } catch {
        this.#count('storeErrors', 1, request.counters);
      }
      const missing: string[] = [];
      keys.forEach((key, i) => {
        const bytes = found[i];
        // A value that does not decode (foreign or damaged) is a miss, and gets overwritten.
        if (bytes !== undefined && decodeVector(bytes) !== undefined) (owned.get(key) as OwnedFlight).flight.resolve(bytes);
        else missing.push(key);
      });
      if (missing.length === 0) return 0;
      let vectors: number[][];
      try {
        vectors = await request.fetch(missing.map((key) => (owned.get(key) as OwnedFlight).index));
      } catch (error) {
        for (const key of missing) (owned.get(key) as OwnedFlight).flight.reject(error);
        throw error;
      }
      const entries = missing.map((key, i) => [key, encodeVector(vectors[i] as number[])] as const);
      try {
        await this.store.setMany(entries);
      } catch {
        this.#count('storeErrors', 1, request.counters);
      }
      for (const [key, bytes] of entries) (owned.get(key) as OwnedFlight).flight.resolve(bytes);
      return missing.length;
    } finally {
      for (const key of keys) this.#flights.finish(key);
    }
  }

  #count(name: EmbeddingCacheCounterName, value: number, extra?: EmbeddingCacheCounters): void {
    if (value === 0) return;
    this.#counters[name] += value;
    if (extra) extra[name] += value;
    this.#sink?.(name, value);
  }
}
