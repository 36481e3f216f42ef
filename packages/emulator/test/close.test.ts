import { ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
/** A frame gap far longer than the test: the only timers of this length are the emulator's frame gaps. */
const FRAME_GAP_MS = 600_000;

describe('close()', () => {
  it('cancels the timer spacing the frames of a stream in progress (nothing keeps the process alive)', async () => {
    const gapTimers: unknown[] = [];
    const cleared = new Set<unknown>();
    const realSetTimeout = global.setTimeout;
    const schedule = realSetTimeout as (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => NodeJS.Timeout;
    const setSpy = jest.spyOn(global, 'setTimeout').mockImplementation(((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const timer = schedule(fn, ms, ...args);
      if (ms === FRAME_GAP_MS) gapTimers.push(timer);
      return timer;
    }) as typeof setTimeout);
    const realClearTimeout = global.clearTimeout;
    const clearSpy = jest.spyOn(global, 'clearTimeout').mockImplementation(((timer?: NodeJS.Timeout) => {
      cleared.add(timer);
      realClearTimeout(timer);
    }) as typeof clearTimeout);
    const emu = await startEmulator({ streamChunkDelayMs: FRAME_GAP_MS });
    const { client, destroy } = keepAliveClient(emu, { maxAttempts: 1 });
    let streamError: unknown;
    try {
      const out = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [userMessage('one two three')] }));
      const iterator = out.stream![Symbol.asyncIterator]();
      await iterator.next();
      // The server now waits out the gap before the next frame: close it mid-stream.
      const rest = iterator.next().catch((error: unknown) => {
        streamError = error;
      });
      await emu.close();
      await rest;
    } finally {
      destroy();
      await emu.close();
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
    expect(streamError).toBeDefined();
    expect(emu.stats().connections.open).toBe(0);
    expect(gapTimers.length).toBe(1);
    expect(gapTimers.every((timer) => cleared.has(timer))).toBe(true);
  });
});
