import { once } from 'node:events';
import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockPool, ClientConfig } from '../src';
import { converse, usePoolAndEmulator, waitFor } from './support/pool-fixture';

describe('lifecycle hooks', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  const start = usePoolAndEmulator({ start: 'manual' }, (started) => ({ emulator, pool, config } = started));

  test('identical configs on different nodes share one slot; graphBuildFinished releases nodes no longer in the graph', async () => {
    await start({ releaseGraceMs: 10_000 });
    const a = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
    const b = pool.acquire({ graphId: 'g', nodeId: 'b' }, config);
    expect(b.client).toBe(a.client);
    expect(b.slotId).toBe(a.slotId);
    await converse(a.client);
    await converse(b.client);
    expect(emulator.stats().connections.accepted).toBe(1);

    pool.graphBuildFinished({ graphId: 'g', nodeIds: ['a'] });
    expect(pool.metrics().leases).toBe(1);
    expect(pool.metrics().slots).toHaveLength(1);
    expect(pool.metrics().slots[0]?.leases).toBe(1);
  });

  test('removed node and disposed graph: their slots are destroyed and their sockets closed (transportSharing per-slot)', async () => {
    await start({ releaseGraceMs: 0, transportSharing: 'per-slot' });
    const a = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
    const b = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, retry: { maxAttempts: 4 } });
    expect(b.slotId).not.toBe(a.slotId);
    await converse(a.client);
    await converse(b.client);
    expect(emulator.stats().connections.open).toBe(2);

    const destroyedA = once(pool, 'slotDestroyed');
    pool.nodeRemoved({ graphId: 'g', nodeId: 'a' });
    expect(((await destroyedA) as [{ slotId: string }])[0].slotId).toBe(a.slotId);
    expect(await waitFor(() => emulator.stats().connections.open === 1)).toBe(true);
    expect(pool.metrics().totals.connectionsOpen).toBe(1);

    const destroyedB = once(pool, 'slotDestroyed');
    pool.graphDisposed('g');
    expect(((await destroyedB) as [{ slotId: string }])[0].slotId).toBe(b.slotId);
    expect(await waitFor(() => emulator.stats().connections.open === 0)).toBe(true);
    expect(pool.metrics().slots).toHaveLength(0);
    expect(pool.metrics().leases).toBe(0);
    expect(pool.metrics().totals.connectionsOpen).toBe(0);
  });

  test('removed node: its slot is destroyed, the endpoint sockets it shared stay open until the last slot goes', async () => {
    await start({ releaseGraceMs: 0 });
    const a = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
    const b = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, retry: { maxAttempts: 4 } });
    expect(b.slotId).not.toBe(a.slotId);
    await converse(a.client);
    await converse(b.client);
    // Two slots, one transport: the second call reused the first one's connection.
    expect(emulator.stats().connections.accepted).toBe(1);
    expect(pool.metrics().endpoints).toEqual([expect.objectContaining({ slots: 2, connectionsOpened: 1, tlsHandshakes: 1, connectionsOpen: 1 })]);

    const destroyedA = once(pool, 'slotDestroyed');
    pool.nodeRemoved({ graphId: 'g', nodeId: 'a' });
    expect(((await destroyedA) as [{ slotId: string }])[0].slotId).toBe(a.slotId);
    expect(emulator.stats().connections.open).toBe(1);
    await converse(b.client);
    expect(emulator.stats().connections.accepted).toBe(1);
    expect(pool.metrics().endpoints).toEqual([expect.objectContaining({ slots: 1, connectionsOpen: 1 })]);

    const destroyedB = once(pool, 'slotDestroyed');
    pool.graphDisposed('g');
    expect(((await destroyedB) as [{ slotId: string }])[0].slotId).toBe(b.slotId);
    expect(await waitFor(() => emulator.stats().connections.open === 0)).toBe(true);
    expect(pool.metrics().endpoints).toHaveLength(0);
    expect(pool.metrics().totals.connectionsOpen).toBe(0);
  });

  test('release then re-acquire within releaseGraceMs keeps the slot and its connection', async () => {
    await start({ releaseGraceMs: 10_000 });
    const identity = { graphId: 'g', nodeId: 'a' };
    const first = pool.acquire(identity, config);
    await converse(first.client);
    expect(pool.release(identity)).toBe(true);
    expect(pool.metrics().slots[0]?.state).toBe('idle');
    const second = pool.acquire(identity, config);
    expect(second.client).toBe(first.client);
    expect(pool.metrics().slots[0]?.state).toBe('active');
    await converse(second.client);
    expect(emulator.stats().tls.handshakes).toBe(1);
  });

  test('idle TTL evicts an unused slot (hosts with no teardown hook) and closes its sockets', async () => {
    await start({ idleTtlMs: 100 });
    const lease = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
    await converse(lease.client);
    const evicted = once(pool, 'slotEvicted');
    const destroyed = once(pool, 'slotDestroyed');
    const [event] = (await evicted) as [{ reason: string; slot: { slotId: string } }];
    expect(event.reason).toBe('idleTtl');
    expect(event.slot.slotId).toBe(lease.slotId);
    await destroyed;
    expect(await waitFor(() => emulator.stats().connections.open === 0)).toBe(true);
    expect(pool.metrics().leases).toBe(0);
    // The next build simply gets a new slot.
    expect(pool.acquire({ graphId: 'g', nodeId: 'a' }, config).slotId).not.toBe(lease.slotId);
  });

  test('maxSlots evicts the least recently used unleased slot first, then the LRU idle leased one', async () => {
    await start({ maxSlots: 2, releaseGraceMs: 60_000 });
    const evictions: string[] = [];
    pool.on('slotEvicted', ({ slot }) => evictions.push(slot.slotId));
    const a = pool.acquire({ graphId: 'g', nodeId: 'a' }, { ...config, retry: { maxAttempts: 1 } });
    const b = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, retry: { maxAttempts: 2 } });
    pool.release({ graphId: 'g', nodeId: 'b' });
    const c = pool.acquire({ graphId: 'g', nodeId: 'c' }, { ...config, retry: { maxAttempts: 3 } });
    expect(evictions).toEqual([b.slotId]);
    pool.acquire({ graphId: 'g', nodeId: 'd' }, { ...config, retry: { maxAttempts: 4 } });
    expect(evictions).toEqual([b.slotId, a.slotId]);
    expect(pool.metrics().slots.filter((slot) => slot.state !== 'destroyed' && slot.state !== 'draining').map((slot) => slot.slotId)).toContain(c.slotId);
  });
});
