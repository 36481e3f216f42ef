import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockPool, ClientConfig } from '../src';
import { converse, startPoolAndEmulator } from './support/pool-fixture';

describe.each(['http1', 'http2'] as const)('200 concurrent calls on one slot (%s)', (transport) => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  beforeAll(async () => {
    ({ emulator, pool, config } = await startPoolAndEmulator({}, { serverDelayMs: 5 }));
  });
  afterAll(async () => {
    await pool.close();
    await emulator.close();
  });

  test(transport === 'http1' ? 'at most 50 connections, no errors' : 'one session, no errors', async () => {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, transport, http: { maxSockets: 50 } });
    const replies = await Promise.all(Array.from({ length: 200 }, (_, index) => converse(lease.client, `call ${index}`)));
    expect(replies.every((reply, index) => reply.includes(`call ${index}`))).toBe(true);
    const stats = emulator.stats();
    expect(stats.requests.byOperation.Converse).toBe(200);
    expect(stats.requests.errors).toBe(0);
    expect(stats.requests.maxInFlight).toBeGreaterThan(1);
    if (transport === 'http1') {
      expect(stats.connections.accepted).toBeLessThanOrEqual(50);
      expect(stats.http2.sessions).toBe(0);
      expect(stats.requests.maxInFlight).toBeLessThanOrEqual(50);
    } else {
      expect(stats.connections.accepted).toBe(1);
      expect(stats.http2.sessions).toBe(1);
    }
    const metrics = pool.metrics();
    expect(metrics.totals.connectionsOpened).toBe(stats.connections.accepted);
    expect(metrics.totals.requestsOnReusedConnections).toBe(200 - stats.connections.accepted);
    expect(metrics.totals.errorsByKind).toEqual({});
  });
});
