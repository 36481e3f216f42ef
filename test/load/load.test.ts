/**
 * Load through the components: 10,000 Converse calls at concurrency 200 from 200 nodes sharing one slot (max 50
 * sockets), every request carrying a unique id that the emulator's echo model returns; and credentials rotated on
 * the nodes during load. Both runs use SigV4 (measured: 10,000 signed and verified calls take about as long as
 * unsigned ones here, ~15 s on 2 cores, because the LangChain + SDK call path dominates), so auth is under load too.
 */
import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';
import { within } from '../support/deadline';
import { settledConnections, startStack, type Stack } from '../support/stack';

const CALLS = 10_000;
const CONCURRENCY = 200;
const MAX_SOCKETS = 50;

/** Runs `total` tasks with at most `concurrency` at once; `task(i)` gets the call number. */
async function runPool(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

describe('10,000 calls at concurrency 200 through one slot', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ graphId: 'flow-load', defaults: { http: { maxSockets: MAX_SOCKETS } } });
  });
  afterAll(() => stack?.close());

  it('answers every request exactly once, with 0 errors and at most 50 connections', async () => {
    // Server side: count every id the model sees (a retry or a duplicate would count twice).
    const seenByServer = new Map<string, number>();
    stack.emu.script(/.*/, (request) => {
      const id = request.lastUserText ?? '';
      seenByServer.set(id, (seenByServer.get(id) ?? 0) + 1);
      return { text: `Echo: ${id}` };
    });
    const replies = new Map<string, string>();
    const errors: unknown[] = [];
    let maxOpen = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    // Sampled on the emulator side; the pool side is bounded below by its total of sockets ever opened.
    const sampler = setInterval(() => {
      maxOpen = Math.max(maxOpen, stack.emu.stats().connections.open);
    }, 20);
    const startedAt = Date.now();
    try {
      await within(
        runPool(CALLS, CONCURRENCY, async (i) => {
          const id = `req-${i.toString().padStart(5, '0')}-${(i * 2654435761) % 4294967296}`;
          const node = createComponent(amazonBedrockConverseDefinition, stack.ctx(`AmazonBedrockConverseModel-L${i % CONCURRENCY}`), { ...stack.values(), input_value: id });
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          try {
            replies.set(id, (await node.text_response()).text);
          } catch (error) {
            errors.push(error);
          } finally {
            inFlight -= 1;
          }
        }),
        '10,000 calls',
        90_000,
      );
    } finally {
      clearInterval(sampler);
      stack.emu.script(/.*/, undefined);
    }
    const seconds = (Date.now() - startedAt) / 1000;
    const stats = stack.emu.stats();
    const metrics = stack.pool.metrics();
    const duplicates = [...seenByServer.values()].filter((n) => n > 1).length;
    const lost = CALLS - seenByServer.size;
    const wrong = [...replies].filter(([id, text]) => text !== `Echo: ${id}`).length;
    // Figures for the report (not asserted on time).
    console.info(
      `load: ${CALLS} calls in ${seconds.toFixed(1)} s, errors ${errors.length}, connections accepted ${stats.connections.accepted}, ` +
        `max open ${maxOpen}, calls in flight at most ${maxInFlight}, server max in flight ${stats.requests.maxInFlight}, duplicates ${duplicates}, lost ${lost}, wrong replies ${wrong}, slots ${metrics.slots.length}`,
    );
    expect(errors).toEqual([]);
    expect(maxInFlight).toBe(CONCURRENCY);
    expect(replies.size).toBe(CALLS);
    expect(wrong).toBe(0);
    expect(seenByServer.size).toBe(CALLS);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(stats.requests.total).toBe(CALLS);
    expect(stats.requests.errors).toBe(0);
    expect(stats.auth.failures).toBe(0);
    expect(Object.values(stats.auth.byAccessKeyId)).toEqual([CALLS]);
    expect(stats.connections.accepted).toBeLessThanOrEqual(MAX_SOCKETS);
    expect(maxOpen).toBeLessThanOrEqual(MAX_SOCKETS);
    expect(metrics.totals.connectionsOpened).toBe(stats.connections.accepted);
    expect(metrics.totals.connectionsOpened).toBeLessThanOrEqual(MAX_SOCKETS);
    expect(metrics.slots).toHaveLength(1); // 200 nodes, one config: one slot
    expect(metrics.leases).toBe(CONCURRENCY);
    const counts = await settledConnections(stack);
    expect(counts.pool).toBe(counts.emulator);
    expect(metrics.totals.inFlight).toBe(0);
  }, 100_000);
});

describe('credentials rotated during load', () => {
  const OLD: EmulatorCredentials = { accessKeyId: 'AKIAROTATEOLD0000001', secretAccessKey: 'rotate-old-secret/0000000000000000000001' };
  const NEW: EmulatorCredentials = { accessKeyId: 'AKIAROTATENEW0000002', secretAccessKey: 'rotate-new-secret/0000000000000000000002' };
  let stack: Stack;
  beforeAll(async () => {
    // SigV4 with both key pairs; releaseGraceMs 0 so the old slot starts draining as soon as its last node moves.
    stack = await startStack({
      graphId: 'flow-rotation',
      emulator: { credentials: [OLD, NEW], serverDelayMs: 5, streamChunkDelayMs: 10 },
      pool: { releaseGraceMs: 0 },
    });
  });
  afterAll(() => stack?.close());

  it('in-flight calls finish on the old client, later ones use the new keys, none fails with an auth error', async () => {
    const TOTAL = 2_000;
    const WORKERS = 50;
    const ROTATE_AT = 800;
    let rotated = false;
    let startedWithOld = 0;
    let startedWithNew = 0;
    let inFlightAtRotation = 0;
    let inFlight = 0;
    const errors: unknown[] = [];
    const drained: boolean[] = [];
    stack.pool.on('slotDrained', ({ timedOut }) => drained.push(timedOut));
    await within(
      runPool(TOTAL, WORKERS, async (i) => {
        if (i === ROTATE_AT) {
          rotated = true;
          inFlightAtRotation = inFlight;
        }
        const keys = rotated ? NEW : OLD;
        if (rotated) startedWithNew += 1;
        else startedWithOld += 1;
        // The host rebuilds the node with the new keys (as after editing the node or a variable).
        const node = createComponent(amazonBedrockConverseDefinition, stack.ctx(`AmazonBedrockConverseModel-R${i % WORKERS}`), { ...stack.values({}, keys), input_value: `rot-${i}` });
        inFlight += 1;
        try {
          const reply = await node.text_response();
          if (reply.text !== `Echo: rot-${i}`) errors.push(new Error(`wrong reply for rot-${i}: ${reply.text}`));
        } catch (error) {
          errors.push(error);
        } finally {
          inFlight -= 1;
        }
      }),
      'rotation load',
      60_000,
    );
    const stats = stack.emu.stats();
    console.info(`rotation: ${TOTAL} calls, ${inFlightAtRotation} in flight at rotation, by key ${JSON.stringify(stats.auth.byAccessKeyId)}, auth failures ${stats.auth.failures}, errors ${errors.length}`);
    expect(errors).toEqual([]);
    expect(stats.auth.failures).toBe(0);
    expect(inFlightAtRotation).toBeGreaterThan(0); // the rotation really happened under load
    // Every call signed with the keys it was built with: the old client finished its in-flight calls.
    expect(stats.auth.byAccessKeyId).toEqual({ [OLD.accessKeyId]: startedWithOld, [NEW.accessKeyId]: startedWithNew });
    expect(startedWithOld + startedWithNew).toBe(TOTAL);
    // The old slot drained without cutting anything off, and only the new one is left.
    expect(drained).toEqual([false]);
    const metrics = stack.pool.metrics();
    expect(metrics.slots).toHaveLength(1);
    expect(metrics.slots[0]!.credentialSource).toContain(NEW.accessKeyId);
    const counts = await settledConnections(stack);
    expect(counts.pool).toBe(counts.emulator);
  }, 70_000);

  it('a stream in flight when the keys rotate finishes whole on the old client before it is destroyed', async () => {
    const node = 'AmazonBedrockConverseModel-RotateStream';
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    const drained: Array<{ slotId: string; timedOut: boolean }> = [];
    stack.pool.on('slotDrained', ({ slot, timedOut }) => drained.push({ slotId: slot.slotId, timedOut }));
    stack.emu.resetStats();
    const tokens: string[] = [];
    let rotated = false;
    const streaming = createComponent(amazonBedrockConverseDefinition, stack.ctx(node), { ...stack.values({}, OLD), input_value: words, stream: true }).text_response({
      onToken: (token: string) => {
        tokens.push(token);
        if (tokens.length === 3 && !rotated) {
          rotated = true;
          // Mid-stream, the node is rebuilt with the new keys: its lease moves and the old slot starts draining.
          createComponent(amazonBedrockConverseDefinition, stack.ctx(node), { ...stack.values({}, NEW), input_value: 'x' }).build_model();
        }
      },
    });
    const reply = await within(streaming, 'stream across a key rotation');
    expect(rotated).toBe(true);
    expect(reply.text).toBe(`Echo: ${words}`);
    expect(tokens.join('')).toBe(`Echo: ${words}`);
    expect(await within(createComponent(amazonBedrockConverseDefinition, stack.ctx(node), { ...stack.values({}, NEW), input_value: 'after' }).text_response(), 'call after rotation')).toMatchObject({ text: 'Echo: after' });
    expect(stack.emu.stats().auth.byAccessKeyId).toEqual({ [OLD.accessKeyId]: 1, [NEW.accessKeyId]: 1 });
    // The old slot waited for the stream (not cut off by the drain timeout).
    expect(drained.length).toBeGreaterThanOrEqual(1);
    expect(drained.every((event) => !event.timedOut)).toBe(true);
    const counts = await settledConnections(stack);
    expect(counts.pool).toBe(counts.emulator);
  });
});
