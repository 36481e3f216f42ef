import type { ModelCatalog } from './model-catalog';

/** Default time a discovered catalog is reused, in ms: 5 minutes. */
export const DEFAULT_DISCOVERY_TTL_MS = 5 * 60_000;

interface Entry {
  storedAt: number;
  catalog: Promise<ModelCatalog>;
}

/**
 * Discovered catalogs by key (credential scope, region and endpoint: never a secret), each reused for its TTL.
 * Concurrent askers of a missing key share one listing; a failed listing is not kept, so the next asker tries again.
 */
export class DiscoveryCache {
  readonly #entries = new Map<string, Entry>();
  /** Listings made (cache misses that reached Bedrock), for tests and metrics. */
  listings = 0;

  /** The catalog of `key`, from the cache while younger than `ttlMs` (the asker's TTL), else from `list()`. */
  get(key: string, ttlMs: number, list: () => Promise<ModelCatalog>, now = Date.now()): Promise<ModelCatalog> {
    const entry = this.#entries.get(key);
    if (entry && now - entry.storedAt < ttlMs) return entry.catalog;
    this.listings += 1;
    const catalog = list();
    this.#entries.set(key, { storedAt: now, catalog });
    catalog.catch(() => {
      if (this.#entries.get(key)?.catalog === catalog) this.#entries.delete(key);
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
