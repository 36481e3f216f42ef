import { CACHE_TTLS, type CacheCheckpoint } from './converse-features';

/** Most prefixes the emulator remembers; the least recently used goes first. */
export const PROMPT_CACHE_MAX_ENTRIES = 1_000;

/** What a request's cache points did: tokens read from the cache and written to it, and the written entries' TTLs. */
export interface PromptCacheOutcome {
  readTokens: number;
  writeTokens: number;
  written: Array<{ ttl: CacheCheckpoint['ttl']; inputTokens: number }>;
}

/**
 * The emulator's prompt cache: a bounded LRU table of prefix keys with their expiry. Like Bedrock, the longest
 * prefix still cached is read; the cache points after it are written (charged once, the tokens between the read
 * prefix and the last cache point). Process-wide (as Bedrock's is account-wide), so tests use prompts of their own.
 */
export class PromptCacheTable {
  readonly #expiry = new Map<string, number>();

  constructor(readonly maxEntries = PROMPT_CACHE_MAX_ENTRIES) {}

  /** Applies a request's cache points at time `now` (ms). */
  settle(checkpoints: readonly CacheCheckpoint[], now = Date.now()): PromptCacheOutcome {
    let hit = -1;
    checkpoints.forEach((point, i) => {
      const expires = this.#expiry.get(point.key);
      if (expires !== undefined && expires > now) hit = i;
    });
    const readTokens = hit >= 0 ? checkpoints[hit]!.tokens : 0;
    const written: PromptCacheOutcome['written'] = [];
    let covered = readTokens;
    checkpoints.forEach((point, i) => {
      // A read refreshes its entry; a cache point after it is new and written.
      this.#expiry.delete(point.key);
      this.#expiry.set(point.key, now + CACHE_TTLS[point.ttl]);
      if (i > hit && point.tokens > covered) {
        written.push({ ttl: point.ttl, inputTokens: point.tokens - covered });
        covered = point.tokens;
      }
    });
    while (this.#expiry.size > this.maxEntries) this.#expiry.delete(this.#expiry.keys().next().value as string);
    return { readTokens, writeTokens: covered - readTokens, written };
  }

  /** Entries held (expired ones included until evicted). */
  get size(): number {
    return this.#expiry.size;
  }
}

/** The table every emulator in this process shares. */
export const promptCache = new PromptCacheTable();
