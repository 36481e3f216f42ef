// @ts-check
'use strict';

/**
 * The pool metrics a node puts on `msg.poolMetrics`: its slot's counters and latencies, the pool totals, and how
 * many slots and leases are live. Plain JSON, no secrets.
 * @param {{ metrics(): import('@bedrock-flow/bedrock-pool').PoolMetricsSnapshot }} pool
 * @param {{ slotId: string } | undefined} lease
 */
function poolMetricsForMsg(pool, lease) {
  const snapshot = pool.metrics();
  const slot = lease ? snapshot.slots.find((candidate) => candidate.slotId === lease.slotId) : undefined;
  return {
    slotId: lease ? lease.slotId : undefined,
    slot: slot ? slot.metrics : undefined,
    totals: snapshot.totals,
    slots: snapshot.slots.length,
    leases: snapshot.leases,
  };
}

module.exports = { poolMetricsForMsg };
