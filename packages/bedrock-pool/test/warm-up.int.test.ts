import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockPool, ClientConfig } from '../src';
import { converse, usePoolAndEmulator } from './support/pool-fixture';

/** Event-loop turns until `condition` holds, bounded (about 2 s); returns whether it held. */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let turn = 0; turn < 400; turn += 1) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return condition();
}

/** A few event-loop turns and timer ticks: long enough for a background warm-up to reach a loopback server. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('warm-up', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  usePoolAndEmulator({ start: 'each' }, (started) => ({ emulator, pool, config } = started));

  test('warm() opens N connections without a model call; the first call reuses one (0 new handshakes)', async () => {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, config);
    await pool.warm(lease, { connections: 2 });
    const warmed = emulator.stats();
    expect(warmed.tls.handshakes).toBe(2);
    expect(warmed.requests.nonModel).toBe(2);
    expect(warmed.requests.byOperation.Converse ?? 0).toBe(0);
    expect(pool.metrics().totals.credentialResolutions).toBe(1);

    await converse(lease.client);
    const after = emulator.stats();
    expect(after.tls.handshakes - warmed.tls.handshakes).toBe(0);
    expect(after.connections.accepted).toBe(warmed.connections.accepted);
    expect(pool.metrics().totals.credentialResolutionsOnRequestPath).toBe(0);
    expect(pool.metrics().totals.requestsOnReusedConnections).toBe(1);

    // Already warm: a second warm() sends nothing.
    await pool.warm(lease, { connections: 2 });
    expect(emulator.stats().requests.nonModel).toBe(2);
  });

  test('graphBuildStarted warms known leases; a call racing the warm-up waits for it instead of connecting', async () => {
    const identity = { graphId: 'flow', nodeId: 'node-1' };
    // First build: the lease becomes known; its new slot starts warming in the background, nothing reached the server yet.
    pool.graphBuildStarted({ graphId: 'flow', nodeIds: ['node-1'] });
    pool.acquire(identity, config);
    pool.graphBuildFinished({ graphId: 'flow', nodeIds: ['node-1'] });
    expect(emulator.stats().connections.accepted).toBe(0);

    // Second build: the warm-up still runs (joined, not repeated); the call follows at once, racing it.
    pool.graphBuildStarted({ graphId: 'flow', nodeIds: ['node-1'] });
    const lease = pool.acquire(identity, config);
    pool.graphBuildFinished({ graphId: 'flow', nodeIds: ['node-1'] });
    await converse(lease.client);

    const stats = emulator.stats();
    expect(stats.requests.nonModel).toBe(1);
    expect(stats.requests.byOperation.Converse).toBe(1);
    expect(stats.tls.handshakes).toBe(1);
    expect(stats.connections.accepted).toBe(1);
    expect(pool.metrics().totals.credentialResolutionsOnRequestPath).toBe(0);
  });

  test('acquire creating a slot during a graph build warms it in the background: the first call adds 0 handshakes', async () => {
    const warmUpFailures: unknown[] = [];
    pool.on('warmUpFailed', (event) => warmUpFailures.push(event));
    pool.graphBuildStarted({ graphId: 'fresh', nodeIds: ['model-1', 'prompt-1'] });
    const lease = pool.acquire({ graphId: 'fresh', nodeId: 'model-1' }, config);
    // The rest of the build: the warm-up (credentials, TCP + TLS, one HEAD /ping) goes on meanwhile, unasked.
    expect(await eventually(() => emulator.stats().requests.nonModel === 1 && pool.metrics().totals.inFlight === 0)).toBe(true);
    const warmed = emulator.stats();
    expect(warmed.tls.handshakes).toBe(1);
    expect(warmed.requests.byOperation.Converse ?? 0).toBe(0);
    expect(pool.metrics().totals.warmUpRequests).toBe(1);
    expect(pool.metrics().totals.credentialResolutions).toBe(1);
    pool.graphBuildFinished({ graphId: 'fresh', nodeIds: ['model-1', 'prompt-1'] });

    await converse(lease.client);
    const after = emulator.stats();
    expect(after.tls.handshakes - warmed.tls.handshakes).toBe(0);
    expect(after.connections.accepted).toBe(1);
    expect(after.requests.nonModel).toBe(1);
    expect(pool.metrics().totals.credentialResolutionsOnRequestPath).toBe(0);
    expect(pool.metrics().totals.requestsOnReusedConnections).toBe(1);
    expect(warmUpFailures).toEqual([]);
  });

  test('no background warm-up outside a build, for an unlisted node, or after graphBuildFinished', async () => {
    const other = { ...config, http: { maxSockets: 7 } };
    const third = { ...config, http: { maxSockets: 9 } };
    pool.acquire({ graphId: 'g', nodeId: 'no-build' }, config);
    pool.graphBuildStarted({ graphId: 'g2', nodeIds: ['listed'] });
    pool.acquire({ graphId: 'g2', nodeId: 'not-listed' }, other);
    pool.graphBuildFinished({ graphId: 'g2', nodeIds: ['listed', 'not-listed'] });
    pool.acquire({ graphId: 'g2', nodeId: 'listed' }, third);
    await settle();
    expect(pool.metrics().slots).toHaveLength(3);
    expect(emulator.stats().connections.accepted).toBe(0);
    expect(emulator.stats().requests.nonModel).toBe(0);
    expect(pool.metrics().totals.warmUpRequests).toBe(0);
  });
});
