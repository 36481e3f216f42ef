import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockPool, type ClientConfig } from '../src';
import { converse, waitFor } from './support/pool-fixture';

describe('http2 connectionsOpen gauge (counted by session lifetime)', () => {
  it('agrees with the emulator after the server vanished under an in-flight request and came back on the same port', async () => {
    const first = await startEmulator({ tls: true });
    const config: ClientConfig = { region: 'us-east-1', endpoint: first.url, credentials: { kind: 'static', ...TEST_CREDENTIALS } };
    const pool = new BedrockPool({ openTelemetry: false, endpointPolicy: { allowedHosts: [new URL(first.url).host] }, defaults: { transport: 'http2', tls: { rejectUnauthorized: false }, retry: { maxAttempts: 2 } } });
    let second: RunningEmulator | undefined;
    try {
      const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, config);
      expect(await converse(lease.client, 'before')).toBe('Echo: before');
      expect(pool.metrics().totals.connectionsOpen).toBe(1);
      await first.close();
      // Before the client noticed: the request starts on the session whose server is gone.
      await expect(converse(lease.client, 'down')).rejects.toThrow();
      second = await startEmulator({ tls: true, port: first.port });
      expect(await converse(lease.client, 'after')).toBe('Echo: after');
      const live = second;
      const agreed = await waitFor(() => pool.metrics().totals.connectionsOpen === live.stats().connections.open, 100);
      expect({ pool: pool.metrics().totals.connectionsOpen, emulator: live.stats().connections.open }).toEqual({ pool: 1, emulator: 1 });
      expect(agreed).toBe(true);
    } finally {
      await pool.destroy();
      await first.close();
      await second?.close();
    }
    expect(pool.metrics().totals.connectionsOpen).toBe(0);
  });
});
