import { setImmediate as yieldToLoop } from 'node:timers/promises';

// A host's graph build is CPU work in slices between awaits (imports, variable look-ups): spin this long per slice.
const SLICE_MS = 1;

/**
 * Simulates the rest of a graph build: `ms` of wall time spent as CPU slices of 1 ms with a turn of the event loop
 * between them, so work started earlier (a warm-up's TCP and TLS) progresses as it would during a real async build.
 * No timers: the wall clock decides when the build is done.
 */
export async function simulatedBuild(ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const sliceEnd = Math.min(end, performance.now() + SLICE_MS);
    while (performance.now() < sliceEnd) {
      // spin: stands for the host's own CPU work
    }
    await yieldToLoop();
  }
}
