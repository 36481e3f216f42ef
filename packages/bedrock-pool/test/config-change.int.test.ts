import { once } from 'node:events';
import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockPool, ClientConfig } from '../src';
import { converse, converseStream, startPoolAndEmulator, waitFor } from './support/pool-fixture';

const STREAM_TEXT = 'one two three four five six seven eight nine ten';

// 'per-slot': each slot owns its sockets, so the old slot's close with it. 'per-endpoint' (the default): the old and
// the new slot share the endpoint's sockets, which stay open for the new one when the old slot is destroyed.
describe.each([
  ['per-slot', 1],
  ['per-endpoint', 2],
] as const)('config change mid-stream (transportSharing %s)', (transportSharing, openAfterOldSlotDestroyed) => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  beforeAll(async () => {
    ({ emulator, pool, config } = await startPoolAndEmulator({ releaseGraceMs: 20, transportSharing }, { streamChunkDelayMs: 2 }));
    emulator.script(/.*/, { text: STREAM_TEXT });
  });
  afterAll(async () => {
    await pool.close();
    await emulator.close();
  });

  test(`the in-flight stream completes on the old client, the next call uses the new one; ${openAfterOldSlotDestroyed} connection(s) stay open`, async () => {
    const identity = { graphId: 'flow', nodeId: 'converse-1' };
    const oldLease = pool.acquire(identity, config);
    const stream = converseStream(oldLease.client);
    const iterator = (await stream)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);

    // The user edits the node: a new retry setting is a new fingerprint.
    const draining = once(pool, 'slotDraining');
    const destroyed = once(pool, 'slotDestroyed');
    const newLease = pool.acquire(identity, { ...config, retry: { maxAttempts: 5 } });
    expect(newLease.client).not.toBe(oldLease.client);
    expect(newLease.fingerprint).not.toBe(oldLease.fingerprint);
    expect(await converse(newLease.client)).toBe(STREAM_TEXT);
    expect(emulator.stats().connections.accepted).toBe(2);

    // The old slot starts draining while its stream is still open.
    const [{ slot: drainingSlot }] = (await draining) as [{ slot: { slotId: string } }];
    expect(drainingSlot.slotId).toBe(oldLease.slotId);
    const oldSlotMetrics = pool.metrics().slots.find((slot) => slot.slotId === oldLease.slotId);
    expect(oldSlotMetrics?.metrics.inFlight).toBe(1);
    expect(oldSlotMetrics?.state).toBe('draining');

    // Finish reading the stream on the old client.
    let text = (first.value as { contentBlockDelta?: { delta?: { text?: string } } }).contentBlockDelta?.delta?.text ?? '';
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      text += (next.value as { contentBlockDelta?: { delta?: { text?: string } } }).contentBlockDelta?.delta?.text ?? '';
    }
    expect(text).toBe(STREAM_TEXT);

    const [destroyedSlot] = (await destroyed) as [{ slotId: string }];
    expect(destroyedSlot.slotId).toBe(oldLease.slotId);
    expect(await waitFor(() => emulator.stats().connections.open === openAfterOldSlotDestroyed)).toBe(true);
    expect(pool.metrics().totals.connectionsOpen).toBe(openAfterOldSlotDestroyed);
    expect(emulator.stats().requests.errors).toBe(0);
    expect(pool.metrics().slots.map((slot) => slot.slotId)).toEqual([newLease.slotId]);
  });
});
