/** Size and churn of a store, where it can tell (Redis keeps its own: `null`). */
export interface EmbeddingStoreStats {
  /** Entries held now. */
  entries: number | null;
  /** Bytes held now (keys and encoded vectors). */
  bytes: number | null;
  /** Entries dropped to stay under the size bound. */
  evictions: number | null;
}

/**
 * Where cached vectors live: keys are content addresses (hex SHA-256), values encoded vectors. A store
 * may throw on any call (e.g. Redis down); the cache then treats the call as all misses / not stored.
 */
export interface EmbeddingStore {
  /** `memory` (this process) or `redis` (shared by processes). */
  readonly kind: string;
  /** Entries written by one process are read by others (scopes must then not be per-process). */
  readonly sharedAcrossProcesses: boolean;
  /** The stored value of each key, `undefined` for a miss, in the order of `keys`. */
  getMany(keys: readonly string[]): Promise<Array<Uint8Array | undefined>>;
  /** Stores every entry. */
  setMany(entries: ReadonlyArray<readonly [key: string, value: Uint8Array]>): Promise<void>;
  /** Current size and evictions. */
  stats(): EmbeddingStoreStats;
  /** Releases connections or memory. Idempotent. */
  close(): Promise<void>;
}
