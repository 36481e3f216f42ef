import { LRUCache } from 'lru-cache';
import { EmbeddingCacheConfigError } from '../errors/embedding-cache-config-error';
import type { EmbeddingStore, EmbeddingStoreStats } from './embedding-store';

/** Default bound of the in-process store: 64 MiB (about 16,000 1024-dimension float32 vectors). */
export const DEFAULT_EMBEDDING_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** Options of {@link MemoryEmbeddingStore}. */
export interface MemoryEmbeddingStoreOptions {
  /** Most bytes held (keys + encoded vectors); least recently used entries go first. Default 64 MiB. */
  maxBytes?: number;
}

/**
 * The in-process store: an LRU (`lru-cache`) bounded in bytes, not entries, since a 256-dimension
 * vector is a quarter of a 1024-dimension one. Values are kept as given; the cache hands out copies.
 */
export class MemoryEmbeddingStore implements EmbeddingStore {
  readonly kind = 'memory';
  readonly sharedAcrossProcesses = false;
  /** The byte bound. */
  readonly maxBytes: number;
  /** Called with `+1` for every entry evicted to make room (the cache's metrics listen). */
  onEviction: ((count: number) => void) | undefined;
  readonly #lru: LRUCache<string, Uint8Array>;
  #evictions = 0;

  constructor(options: MemoryEmbeddingStoreOptions = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_EMBEDDING_CACHE_MAX_BYTES;
    if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes < 1) {
      throw new EmbeddingCacheConfigError('maxBytes', `${JSON.stringify(maxBytes)} is not a positive integer`, 'a whole number of bytes, at least 1 (default 67108864, 64 MiB)');
    }
    this.maxBytes = maxBytes;
    this.#lru = new LRUCache<string, Uint8Array>({
      maxSize: maxBytes,
      // Keys are 64 hex characters; count them too so many small vectors cannot exceed the bound.
      sizeCalculation: (value, key) => value.byteLength + key.length,
      dispose: (_value, _key, reason) => {
        if (reason !== 'evict') return;
        this.#evictions += 1;
        this.onEviction?.(1);
      },
    });
  }

  async getMany(keys: readonly string[]): Promise<Array<Uint8Array | undefined>> {
    return keys.map((key) => this.#lru.get(key));
  }

  async setMany(entries: ReadonlyArray<readonly [string, Uint8Array]>): Promise<void> {
    for (const [key, value] of entries) this.#lru.set(key, value);
  }

  stats(): EmbeddingStoreStats {
    return { entries: this.#lru.size, bytes: this.#lru.calculatedSize, evictions: this.#evictions };
  }

  async close(): Promise<void> {
    this.#lru.clear();
  }
}
