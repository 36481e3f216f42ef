import type { NodeIdentity } from '../config/client-config';
import { ConfigValidationError } from '../errors/config-validation-error';
import type { ClientLease } from './client-lease';
import type { ClientSlot } from './client-slot';

/** Key of a lease: graph id and node id joined by a NUL (which neither may contain meaningfully). */
export type LeaseKey = string;

/** One lease: an identity pointing at a slot. */
export interface LeaseRecord {
  lease: ClientLease;
  slot: ClientSlot;
}

/** Validates an identity and returns its lease key. */
export function leaseKeyOf(identity: NodeIdentity): LeaseKey {
  if (identity === null || typeof identity !== 'object') {
    throw new ConfigValidationError('identity', 'expected { graphId, nodeId }', 'an object with non-empty string graphId and nodeId');
  }
  for (const field of ['graphId', 'nodeId'] as const) {
    const value = identity[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw new ConfigValidationError(`identity.${field}`, 'missing or empty', 'a non-empty string, stable across rebuilds (never a run id)');
    }
  }
  return `${identity.graphId}\u0000${identity.nodeId}`;
}

/** Leases by identity, with an index by graph for the lifecycle hooks. */
export class LeaseTable {
  #byKey = new Map<LeaseKey, LeaseRecord>();

  /** The lease of `key`, if any. */
  get(key: LeaseKey): LeaseRecord | undefined {
    return this.#byKey.get(key);
  }

  /** Stores or replaces the lease of `key`. */
  set(key: LeaseKey, record: LeaseRecord): void {
    this.#byKey.set(key, record);
  }

  /** Removes and returns the lease of `key`. */
  delete(key: LeaseKey): LeaseRecord | undefined {
    const record = this.#byKey.get(key);
    this.#byKey.delete(key);
    return record;
  }

  /** Keys of every lease in `graphId`. */
  keysOfGraph(graphId: string): LeaseKey[] {
    const prefix = `${graphId}\u0000`;
    return [...this.#byKey.keys()].filter((key) => key.startsWith(prefix));
  }

  /** Number of leases. */
  get size(): number {
    return this.#byKey.size;
  }

  /** Every lease key. */
  keys(): LeaseKey[] {
    return [...this.#byKey.keys()];
  }
}
