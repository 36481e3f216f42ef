import { awsErrorFacts, ConfigValidationError } from '@bedrock-flow/bedrock-pool';
import type { ModelCatalog } from './model-catalog';

/** Default time a discovered catalog is reused, in ms: 5 minutes. */
export const DEFAULT_DISCOVERY_TTL_MS = 5 * 60_000;

/**
 * Default time a refused listing (a 4xx answer: access denied, wrong secret, unknown key, throttled; or credentials that
 * could not be resolved) is answered from the cache, in ms: 30 seconds (or the asker's TTL when shorter). Without it,
 * every ask of such a scope would reach Bedrock, or run the host's credential_process, again: an editor's dropdown, or
 * anyone with read access to a host's admin route, could make the host's credentials call the control plane as often as
 * they like (`test/security/model-discovery-attacks.test.ts`, `models-admin-endpoint-attacks.int.test.ts`). A server
 * error (5xx) or a network failure is not kept: the next asker tries again.
 */
export const DEFAULT_DISCOVERY_FAILURE_TTL_MS = 30_000;

/**
 * Default most catalogs a cache holds: 1,000 (scope, region, endpoint) keys, the oldest stored forgotten first. A flow
 * author who varies the endpoint spelling or region on every run would otherwise grow the cache without end.
 */
export const DEFAULT_DISCOVERY_MAX_ENTRIES = 1_000;

/** Options of {@link DiscoveryCache}. */
export interface DiscoveryCacheOptions {
  /** Most catalogs held; the oldest stored is forgotten first. Default `1_000`. */
  maxEntries?: number;
  /** How long a refused listing (4xx, unresolvable credentials) is answered from the cache, in ms (capped by the asker's TTL). Default `30_000`; `0` asks again at once. */
  failureTtlMs?: number;
}

/** `CredentialResolutionError`'s code (compared by value: a host may load two copies of the pool package). */
const CREDENTIALS_ERROR_CODE = 'ERR_BEDROCK_POOL_CREDENTIALS';

interface Entry {
  storedAt: number;
  catalog: Promise<ModelCatalog>;
  /** Set when Bedrock refused the listing: the refusal is reused this long (from `storedAt`, reset when it failed). */
  failureTtlMs?: number;
}

/**
 * Discovered catalogs by key (credential scope, region and endpoint: never a secret), each reused for its TTL.
 * Concurrent askers of a missing key share one listing; a refused listing (4xx, unresolvable credentials) is reused for a short time
 * (`failureTtlMs`, default 30 s), any other failure not at all: then the next asker tries again.
 */
export class DiscoveryCache {
  readonly #entries = new Map<string, Entry>();
  readonly #failureTtlMs: number;
  readonly #maxEntries: number;
  /** Listings made (cache misses that reached Bedrock), for tests and metrics. */
  listings = 0;

  constructor(options: DiscoveryCacheOptions = {}) {
    const failureTtlMs = options.failureTtlMs ?? DEFAULT_DISCOVERY_FAILURE_TTL_MS;
    if (typeof failureTtlMs !== 'number' || !Number.isInteger(failureTtlMs) || failureTtlMs < 0) {
      throw new ConfigValidationError('failureTtlMs', `got ${String(failureTtlMs)}`, 'a whole number of milliseconds, 0 or more');
    }
    this.#failureTtlMs = failureTtlMs;
    const maxEntries = options.maxEntries ?? DEFAULT_DISCOVERY_MAX_ENTRIES;
    if (typeof maxEntries !== 'number' || !Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new ConfigValidationError('maxEntries', `got ${String(maxEntries)}`, 'a whole number, 1 or more');
    }
    this.#maxEntries = maxEntries;
  }

  /** The catalog of `key`, from the cache while younger than `ttlMs` (the asker's TTL), else from `list()`. */
  get(key: string, ttlMs: number, list: () => Promise<ModelCatalog>, now = Date.now()): Promise<ModelCatalog> {
    const entry = this.#entries.get(key);
    if (entry && now - entry.storedAt < Math.min(ttlMs, entry.failureTtlMs ?? ttlMs)) return entry.catalog;
    this.listings += 1;
    const catalog = list();
    const stored: Entry = { storedAt: now, catalog };
    // Re-inserted so the Map's order is the order of storing: the first key is the oldest.
    this.#entries.delete(key);
    this.#entries.set(key, stored);
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    catalog.catch((error: unknown) => {
      if (this.#entries.get(key) !== stored) return;
      const status = awsErrorFacts(error).httpStatusCode;
      // Credentials that cannot be resolved count as refused: resolving them again may run a host's credential_process
      // command or ask the instance metadata service on every ask.
      const unresolved = (error as { code?: unknown } | null)?.code === CREDENTIALS_ERROR_CODE;
      const refused = unresolved || (status !== undefined && status >= 400 && status < 500);
      if (!refused || this.#failureTtlMs === 0) this.#entries.delete(key);
      else Object.assign(stored, { storedAt: Math.max(now, Date.now()), failureTtlMs: this.#failureTtlMs });
    });
    return catalog;
  }

  /** The keys held (secret-free), for inspection. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  /** Forgets every catalog. */
  clear(): void {
    this.#entries.clear();
  }
}
