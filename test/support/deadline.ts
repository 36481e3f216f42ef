/** Generous bound on any single await in these tests: a hang fails the test instead of stalling jest. */
export const HANG_DEADLINE_MS = 15_000;

/** A promise did not settle before its deadline: the code under test hung. */
export class HungPromiseError extends Error {
  readonly code = 'HUNG_PROMISE';
  constructor(what: string, ms: number) {
    super(`${what} did not settle within ${ms} ms (hung promise)`);
    this.name = 'HungPromiseError';
  }
}

/** Resolves or rejects like `promise`, or rejects with {@link HungPromiseError} after `ms`; the timer never outlives it. */
export function within<T>(promise: Promise<T>, what: string, ms = HANG_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HungPromiseError(what, ms)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The outcome of a bounded await: the value, or the error it rejected with (a hang is a test failure, thrown). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Awaits `promise` within the deadline and reports how it settled; a {@link HungPromiseError} is rethrown. */
export async function settle<T>(promise: Promise<T>, what: string, ms = HANG_DEADLINE_MS): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await within(promise, what, ms) };
  } catch (error) {
    if (error instanceof HungPromiseError) throw error;
    return { ok: false, error };
  }
}

/** Awaits `promise` within the deadline and returns the error it must reject with; resolving fails the test. */
export async function rejectionOf(promise: Promise<unknown>, what: string, ms = HANG_DEADLINE_MS): Promise<Error> {
  const outcome = await settle(promise, what, ms);
  if (outcome.ok) throw new Error(`${what} resolved, but it was expected to reject (value: ${JSON.stringify(outcome.value)?.slice(0, 200)})`);
  // Duck-typed: errors made by Node itself (DOMException aborts, socket errors) come from another realm under jest.
  const error = outcome.error as Error | undefined;
  if (typeof error !== 'object' || error === null || typeof error.name !== 'string' || typeof error.message !== 'string') {
    throw new Error(`${what} rejected with a non-Error: ${String(outcome.error)}`);
  }
  return error;
}

/** Polls `predicate` every 10 ms until it holds or `ms` passed; returns its last value (the test asserts on it). */
export async function eventually(predicate: () => boolean, ms = 3_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return predicate();
}
