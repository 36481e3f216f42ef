import fc from 'fast-check';
import { ConcurrencyLimiter } from '../src';

/** A promise whose settlement the test controls. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ConcurrencyLimiter', () => {
  test('never runs more than the limit, starts waiters in FIFO order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let peak = 0;
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        peak = Math.max(peak, limiter.running);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.waiting).toBe(3);
    gates[1]?.resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(limiter.running).toBe(0);
  });

  test('a waiting task whose signal aborts leaves the queue without running', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    expect(limiter.waiting).toBe(1);
    controller.abort(new Error('stop'));
    await expect(second).rejects.toThrow('stop');
    expect(limiter.waiting).toBe(0);
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(limiter.running).toBe(0);
  });

  test('a failing task releases its slot', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 7)).toBe(7);
  });

  test('property: peak concurrency <= limit and every result lands, for any completion order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(5), { maxLength: 40 }), async (limit, ticks) => {
        const limiter = new ConcurrencyLimiter(limit);
        let peak = 0;
        const results = await Promise.all(
          ticks.map((t, i) =>
            limiter.run(async () => {
              peak = Math.max(peak, limiter.running);
              for (let k = 0; k < t; k += 1) await Promise.resolve();
              return i;
            }),
          ),
        );
        expect(peak).toBeLessThanOrEqual(limit);
        expect(results).toEqual(ticks.map((_, i) => i));
      }),
      { numRuns: 100 },
    );
  });
});
