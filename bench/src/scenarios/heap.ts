import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** Whether the process runs with `--expose-gc`. */
export const canCollect = (): boolean => typeof globalThis.gc === 'function';

/** Heap used after two full collections with a loop turn between (so finalizers and weak callbacks run), in MB. */
export async function heapAfterGc(): Promise<number> {
  globalThis.gc?.();
  await yieldToLoop();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** JS heap plus ArrayBuffer backing stores (typed arrays live outside the JS heap) after two full collections, in MB. */
export async function heapAndBuffersAfterGc(): Promise<number> {
  globalThis.gc?.();
  await yieldToLoop();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
}
