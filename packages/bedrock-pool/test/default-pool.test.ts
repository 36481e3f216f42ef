import { inspect } from 'node:util';
import { BedrockPool, getDefaultPool } from '../src';

test('getDefaultPool() is a process-wide singleton, replaced once closed', async () => {
  const pool = getDefaultPool();
  expect(pool).toBeInstanceOf(BedrockPool);
  expect(getDefaultPool()).toBe(pool);
  await pool.close();
  const next = getDefaultPool();
  expect(next).not.toBe(pool);
  expect(next.closed).toBe(false);
  await next.destroy();
});

test('lease and pool print as secret-free summaries', async () => {
  const pool = new BedrockPool({ openTelemetry: false });
  try {
    // A profile name typed into the node is shown; one from a host variable never is (secret-boundary tests).
    const lease = pool.acquire({ graphId: 'flow', nodeId: 'node' }, { region: 'us-west-2', credentials: { kind: 'profile', profile: 'dev', nameOrigin: 'node' } });
    expect(lease.toJSON()).toEqual({ graphId: 'flow', nodeId: 'node', slotId: lease.slotId, fingerprint: lease.fingerprint });
    expect(inspect(lease)).toBe(`ClientLease(flow/node -> ${lease.slotId} ${lease.fingerprint})`);
    expect(JSON.parse(JSON.stringify(pool))).toEqual({ slots: 1, leases: 1, closed: false });
    expect(inspect(pool)).toBe('BedrockPool(slots=1 leases=1)');
    expect(pool.metrics().slots[0]).toEqual(
      expect.objectContaining({ endpoint: 'https://bedrock-runtime.us-west-2.amazonaws.com', credentialSource: 'profile "dev"', transport: 'http1', leases: 1 }),
    );
  } finally {
    await pool.destroy();
  }
});
