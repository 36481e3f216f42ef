import type { NodeIdentity } from '../config/client-config';
import { BedrockPool } from '../pool/bedrock-pool';
import type { BedrockPoolOptions } from '../pool/bedrock-pool-options';

/** Options of {@link ProcessPool}. */
export interface ProcessPoolOptions {
  /**
   * Destroy the live pool on the process's `beforeExit` (nothing is in flight then). Signals stay the host's own: its
   * shutdown handler calls {@link ProcessPool.close}. Default `true`.
   */
  closeOnExit?: boolean;
}

/**
 * The one `BedrockPool` of a host process, and the host lifecycle mapped onto it. Every host integration (Node-RED,
 * n8n, the flow-runner demo, a third host) holds one of these instead of a module-level pool of its own:
 * - `get()` creates the pool on first use (and again after a close) from the options `optionsOf()` returns then, so
 *   settings and environment are read when the host first runs a node, not when the module loads;
 * - `nodeBuilt(identity)` after a node's lease is taken: a node id that last leased under another graph (a Node-RED
 *   node moved to another tab) releases the old lease;
 * - `nodeClosed(identity, removed)`: a removed node releases its lease now rather than at the idle TTL;
 * - `close()` when the host stops its flows: in-flight calls finish (bounded by the drain timeout), then every slot
 *   is destroyed; the next `get()` makes a fresh pool.
 */
export class ProcessPool {
  readonly #optionsOf: () => BedrockPoolOptions;
  readonly #closeOnExit: boolean;
  #pool: BedrockPool | undefined;
  #closing: Promise<void> | undefined;
  #exitHooked = false;
  /** node id -> graph id of its current lease. */
  readonly #graphOfNode = new Map<string, string>();

  /** @param optionsOf the pool's options, asked each time a pool is created (e.g. `() => hostPoolOptions({ … })`). */
  constructor(optionsOf: () => BedrockPoolOptions, options: ProcessPoolOptions = {}) {
    this.#optionsOf = optionsOf;
    this.#closeOnExit = options.closeOnExit ?? true;
  }

  /** The live pool, created now if there is none (or the last one was closed). */
  get(): BedrockPool {
    if (!this.#pool || this.#pool.closed) {
      this.#pool = new BedrockPool(this.#optionsOf());
      this.#graphOfNode.clear();
      if (this.#closeOnExit && !this.#exitHooked) {
        // One listener per ProcessPool, not per pool created, so re-creating pools never piles up listeners.
        this.#exitHooked = true;
        process.once('beforeExit', () => {
          const pool = this.#pool;
          this.#pool = undefined;
          this.#exitHooked = false;
          void pool?.destroy();
        });
      }
    }
    return this.#pool;
  }

  /** The live pool, if one was created (metrics, tests); never creates one. */
  current(): BedrockPool | undefined {
    return this.#pool;
  }

  /** A node was built under `identity` (its new lease is taken): the lease it held under another graph, if any, goes. */
  nodeBuilt(identity: NodeIdentity): void {
    const previous = this.#graphOfNode.get(identity.nodeId);
    if (previous !== undefined && previous !== identity.graphId) this.#pool?.release({ graphId: previous, nodeId: identity.nodeId });
    this.#graphOfNode.set(identity.nodeId, identity.graphId);
  }

  /** A node's host closed it: a removed node releases its lease; a redeployed one keeps it for its successor. */
  nodeClosed(identity: NodeIdentity, removed: boolean): void {
    if (!removed) return;
    this.#graphOfNode.delete(identity.nodeId);
    this.#pool?.nodeRemoved(identity);
  }

  /** Closes the live pool and forgets it; resolves when every slot is destroyed. Idempotent. */
  close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    this.#graphOfNode.clear();
    if (pool) this.#closing = pool.close();
    return this.#closing ?? Promise.resolve();
  }
}
