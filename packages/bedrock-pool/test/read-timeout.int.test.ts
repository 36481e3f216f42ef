import { converse, startPoolAndEmulator } from './support/pool-fixture';

// The seed's "60 s read timeout" must really fire: NodeHttpHandler's `requestTimeout` alone only logs a warning.
describe.each(['http1', 'http2'] as const)('read timeout (%s)', (transport) => {
  test('a server that never answers fails the call with TimeoutError after the configured attempts, and the next call works', async () => {
    const { emulator, pool, config } = await startPoolAndEmulator();
    try {
      const lease = pool.acquire(
        { graphId: 'g', nodeId: 'n' },
        { ...config, transport, http: { requestTimeoutMs: 300 }, retry: { maxAttempts: 2 } },
      );
      emulator.setFaults({ firstByteDelayMs: Infinity });
      await expect(converse(lease.client)).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(emulator.stats().requests.byOperation.Converse).toBe(2);

      emulator.setFaults({});
      await expect(converse(lease.client, 'after')).resolves.toBe('Echo: after');
      // The timed-out requests were not left holding server-side work.
      await emulator.waitForOpenConnections(1);
      expect(emulator.stats().requests.inFlight).toBe(0);
    } finally {
      await pool.destroy();
      await emulator.close();
    }
  });
});
