import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockPool, ClientConfig } from '../src';
import { converse, usePoolAndEmulator } from './support/pool-fixture';

describe('sequential rebuild + run cycles (TLS emulator)', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  usePoolAndEmulator({ start: 'all' }, (started) => ({ emulator, pool, config } = started));

  test('1,000 rebuilds of one node: one client, 1 TLS handshake, 1 credential resolution', async () => {
    const graphId = 'flow-1';
    const nodeId = 'AmazonBedrockConverseModel-AbC12';
    const clients = new Set<unknown>();
    for (let cycle = 0; cycle < 1000; cycle += 1) {
      pool.graphBuildStarted({ graphId, nodeIds: [nodeId] });
      // A fresh config object per build, as a host rebuilding the component would produce.
      const buildConfig: ClientConfig = { ...config, credentials: { ...(config.credentials as object) } as ClientConfig['credentials'] };
      const lease = pool.acquire({ graphId, nodeId }, buildConfig);
      // Langflow calls build_model twice per run.
      const again = pool.acquire({ graphId, nodeId }, buildConfig);
      clients.add(lease.client);
      clients.add(again.client);
      pool.graphBuildFinished({ graphId, nodeIds: [nodeId] });
      await converse(lease.client, `run ${cycle}`);
    }
    const stats = emulator.stats();
    const metrics = pool.metrics();
    expect(clients.size).toBe(1);
    expect(stats.requests.byOperation.Converse).toBe(1000);
    expect(stats.tls.handshakes).toBe(1);
    expect(stats.connections.accepted).toBe(1);
    expect(stats.requests.errors).toBe(0);
    expect(metrics.totals.credentialResolutions).toBe(1);
    expect(metrics.totals.tlsHandshakes).toBe(1);
    expect(metrics.totals.connectionsOpened).toBe(1);
    // The first acquire created the slot during a graph build, so its warm-up (one HEAD /ping) opened the
    // connection while the build went on: every Converse call, the first included, reused it.
    expect(metrics.totals.warmUpRequests).toBe(1);
    expect(stats.requests.nonModel).toBe(1);
    expect(metrics.totals.requestsOnReusedConnections).toBe(1000);
    expect(metrics.totals.operations).toBe(1000);
    expect(metrics.totals.latency.timeToFirstByteMs.count).toBe(1001); // 1,000 calls + the warm-up
    expect(metrics.slots).toHaveLength(1);
  });
});
