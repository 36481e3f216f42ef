/** A promise with its settle functions, for a result another caller produces. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** A new {@link Deferred}; its rejection counts as handled, since waiters may all have gone. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * In-flight work by key: the first caller for a key owns it (`claim` returns a {@link Deferred} to
 * settle), later callers get the owner's promise (`claim` returns it as `joined`) until the owner
 * `finish`es. A failure reaches every waiter and leaves nothing behind.
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Promise<T>>();

  /** Joins the flight for `key`, or starts one owned by the caller. */
  claim(key: string): { owned: Deferred<T> } | { joined: Promise<T> } {
    const flying = this.#flights.get(key);
    if (flying) return { joined: flying };
    const owned = deferred<T>();
    this.#flights.set(key, owned.promise);
    return { owned };
  }

  /** Ends the flight for `key` (after its deferred is settled): later callers start afresh. */
  finish(key: string): void {
    this.#flights.delete(key);
  }

  /** Flights in progress. */
  get size(): number {
    return this.#flights.size;
  }
}
