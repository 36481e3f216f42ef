import type { NodeIdentity } from '../config/client-config';
import type { RawConfigMemo } from '../config/raw-config-memo';
import { ConfigValidationError } from '../errors/config-validation-error';
import type { BedrockService } from '../services/bedrock-service';
import type { ClientLease } from './client-lease';
import type { ClientSlot } from './client-slot';

/** Key of a lease: graph id and node id joined by a NUL (which neither may contain meaningfully). */
export type LeaseKey = string;

/** One lease: an identity pointing at a slot. */
export interface LeaseRecord {
  lease: ClientLease<BedrockService>;
  slot: ClientSlot;
  /** The raw config the lease was made for, so an unchanged config skips normalize + fingerprint. */
  memo?: RawConfigMemo | undefined;
}

/**
 * Validates an identity and returns its lease key for `service`: graph and node id for Bedrock Runtime (as before
 * services existed), with the service appended for the others, so one node holds one lease per service.
 */
export function leaseKeyOf(identity: NodeIdentity, service: BedrockService = 'bedrock-runtime'): LeaseKey {
  if (identity === null || typeof identity !== 'object') {
    throw new ConfigValidationError('identity', 'expected { graphId, nodeId }', 'an object with non-empty string graphId and nodeId');
  }
  for (const field of ['graphId', 'nodeId'] as const) {
    const value = identity[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw new ConfigValidationError(`identity.${field}`, 'missing or empty', 'a non-empty string, stable across rebuilds (never a run id)');
    }
  }
  const key = `${identity.graphId}\u0000${identity.nodeId}`;
  return service === 'bedrock-runtime' ? key : `${key}\u0000${service}`;
}

/** Leases by identity, with an index by graph for the lifecycle hooks. */
export class LeaseTable {
  #byKey = new Map<LeaseKey, LeaseRecord>();
  /** Lease keys by graph id: the lifecycle hooks of one graph must not scan every lease of the process. */
  #byGraph = new Map<string, Set<LeaseKey>>();

  /** The lease of `key`, if any. */
  get(key: LeaseKey): LeaseRecord | undefined {
    return this.#byKey.get(key);
  }

  /** Stores or replaces the lease of `key`. */
  set(key: LeaseKey, record: LeaseRecord): void {
    this.#byKey.set(key, record);
    const graphId = record.lease.identity.graphId;
    let keys = this.#byGraph.get(graphId);
    if (!keys) {
      keys = new Set();
      this.#byGraph.set(graphId, keys);
    }
    keys.add(key);
  }

  /** Removes and returns the lease of `key`. */
  delete(key: LeaseKey): LeaseRecord | undefined {
    const record = this.#byKey.get(key);
    if (!record) return undefined;
    this.#byKey.delete(key);
    const graphId = record.lease.identity.graphId;
    const keys = this.#byGraph.get(graphId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byGraph.delete(graphId);
    return record;
  }

  /** The identity (graph id, node id) of every lease in `graphId`, as the leases were made: no key is taken apart. */
  identitiesOfGraph(graphId: string): NodeIdentity[] {
    const keys = this.#byGraph.get(graphId);
    if (!keys) return [];
    // One identity per node, even when it holds leases of several services.
    const identities = new Map<string, NodeIdentity>();
    for (const key of keys) {
      const record = this.#byKey.get(key);
      if (record) identities.set(record.lease.identity.nodeId, { graphId: record.lease.identity.graphId, nodeId: record.lease.identity.nodeId });
    }
    return [...identities.values()];
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
