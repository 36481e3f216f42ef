import type { RunningEmulator } from '@bedrock-flow/emulator';
import { PoolClosedError, type BedrockPool, type ClientConfig } from '../src';
import { converse, converseStream, usePoolAndEmulator, waitFor } from './support/pool-fixture';

const SOCKET_AND_TIMER = new Set(['TCPSocketWrap', 'TLSSocketWrap', 'Timeout', 'Http2Session']);

function countHandles(): number {
  return process.getActiveResourcesInfo().filter((type) => SOCKET_AND_TIMER.has(type)).length;
}

describe('close() and destroy()', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  const start = usePoolAndEmulator({ start: 'manual', stop: 'destroy' }, (started) => ({ emulator, pool, config } = started));

  test('after close() the pool leaves no socket or timer open', async () => {
    await start({ idleTtlMs: 60_000 }, { streamChunkDelayMs: 1 });
    const before = countHandles();
    const lease = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
    const lease2 = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, transport: 'http2' });
    await pool.warm(lease, { connections: 3 });
    await Promise.all([converse(lease.client), converse(lease2.client)]);
    pool.release({ graphId: 'g', nodeId: 'a' }); // a release timer is pending when close() runs
    expect(countHandles()).toBeGreaterThan(before);
    await pool.close();
    expect(await waitFor(() => countHandles() <= before)).toBe(true);
    expect(emulator.stats().connections.open).toBe(0);
    expect(() => pool.acquire({ graphId: 'g', nodeId: 'a' }, config)).toThrow(PoolClosedError);
    await expect(pool.close()).resolves.toBeUndefined();
  });

  test('close() lets an in-flight stream finish; destroy() aborts one', async () => {
    await start({}, { streamChunkDelayMs: 2 });
    emulator.script(/.*/, { text: 'alpha beta gamma delta epsilon' });
    const lease = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
    const stream = await converseStream(lease.client);
    const closing = pool.close();
    let text = '';
    for await (const event of stream) text += event.contentBlockDelta?.delta?.text ?? '';
    await closing;
    expect(text).toBe('alpha beta gamma delta epsilon');
    expect(await waitFor(() => emulator.stats().connections.open === 0)).toBe(true);
    await emulator.close();

    await start({}, { streamChunkDelayMs: 20 });
    emulator.script(/.*/, { text: 'alpha beta gamma delta epsilon zeta eta theta iota kappa' });
    const lease2 = pool.acquire({ graphId: 'g', nodeId: 'a' }, config);
    const stream2 = await converseStream(lease2.client);
    const iterator = stream2[Symbol.asyncIterator]();
    await iterator.next();
    await pool.destroy();
    await expect((async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next());
    })()).rejects.toThrow();
    expect(await waitFor(() => emulator.stats().connections.open === 0)).toBe(true);
    await expect(pool.destroy()).resolves.toBeUndefined();
  });
});
