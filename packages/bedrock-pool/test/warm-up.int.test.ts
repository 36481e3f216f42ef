import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockPool, ClientConfig } from '../src';
import { converse, usePoolAndEmulator } from './support/pool-fixture';

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
    // First build: the lease becomes known, nothing is sent.
    pool.graphBuildStarted({ graphId: 'flow', nodeIds: ['node-1'] });
    pool.acquire(identity, config);
    pool.graphBuildFinished({ graphId: 'flow', nodeIds: ['node-1'] });
    expect(emulator.stats().connections.accepted).toBe(0);

    // Second build: warm-up starts at build start; the call follows at once, racing it.
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
});
