import { ConverseCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { RequestMayHaveBeenBilledError, type PoolRequestOptions } from '../src';
import { converse, MODEL_ID, startPoolAndEmulator } from './support/pool-fixture';

// Issue 22: a timed-out generation may have been processed and billed, so it is sent once and fails with an error that
// says so and names the setting; `retry.afterWrite` (pool or config) and the call option `retryAfterWrite` restore retries.
describe.each(['http1', 'http2'] as const)('read timeout (%s)', (transport) => {
  test('a server that never answers fails the generation once with RequestMayHaveBeenBilledError naming the setting, and the next call works', async () => {
    const { emulator, pool, config } = await startPoolAndEmulator();
    try {
      const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, transport, http: { requestTimeoutMs: 300 }, retry: { maxAttempts: 3 } });
      emulator.setFaults({ firstByteDelayMs: Infinity });
      const error = await converse(lease.client).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RequestMayHaveBeenBilledError);
      expect(error).toMatchObject({ code: 'ERR_BEDROCK_POOL_MAY_HAVE_BEEN_BILLED', field: 'http.requestTimeoutMs', operation: 'Converse', reason: 'timeout', timeoutMs: 300 });
      expect((error as Error).message).toMatch(/may have processed the request and it may be billed, so it was not sent again/);
      expect((error as Error).message).toContain('http.requestTimeoutMs');
      expect(emulator.stats().requests.byOperation.Converse).toBe(1);

      emulator.setFaults({});
      await expect(converse(lease.client, 'after')).resolves.toBe('Echo: after');
      await emulator.waitForOpenConnections(1);
      expect(emulator.stats().requests.inFlight).toBe(0);
    } finally {
      await pool.destroy();
      await emulator.close();
    }
  });

  test('retry.afterWrite restores retries of a timed-out generation: every attempt is sent', async () => {
    const { emulator, pool, config } = await startPoolAndEmulator();
    try {
      const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, transport, http: { requestTimeoutMs: 300 }, retry: { maxAttempts: 2, afterWrite: true } });
      emulator.setFaults({ firstByteDelayMs: Infinity });
      await expect(converse(lease.client)).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(emulator.stats().requests.byOperation.Converse).toBe(2);
    } finally {
      await pool.destroy();
      await emulator.close();
    }
  });

  test('the call options requestTimeout and retryAfterWrite apply to that call only', async () => {
    const { emulator, pool, config } = await startPoolAndEmulator();
    try {
      const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, transport, retry: { maxAttempts: 2 } });
      emulator.setFaults({ firstByteDelayMs: Infinity });
      const send = (client: BedrockRuntimeClient, options: PoolRequestOptions) =>
        client.send(new ConverseCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text: 'x' }] }] }), options);
      await expect(send(lease.client, { requestTimeout: 300 })).rejects.toMatchObject({ field: 'the call option requestTimeout', timeoutMs: 300 });
      expect(emulator.stats().requests.byOperation.Converse).toBe(1);
      await expect(send(lease.client, { requestTimeout: 300, retryAfterWrite: true })).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(emulator.stats().requests.byOperation.Converse).toBe(3);
      await expect(send(lease.client, { requestTimeout: -1 })).rejects.toMatchObject({ code: 'ERR_BEDROCK_POOL_INVALID_CONFIG', field: 'requestTimeout' });
      expect(emulator.stats().requests.byOperation.Converse).toBe(3);
    } finally {
      await pool.destroy();
      await emulator.close();
    }
  });
});
