/** Error of a request whose abort signal fired while it waited for its turn (the SDK's `AbortError` shape). */
function abortedWhileWaiting(): Error {
  return Object.assign(new Error('Request aborted while waiting for a connection of the shared transport'), { name: 'AbortError' });
}

interface Waiter {
  grant: () => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * Admission to a shared transport's sockets, served in turn across owners (slots). At most `limit` requests run
 * at once (the endpoint's socket limit); a request beyond it waits in its owner's queue, and each freed place goes
 * to the next owner in a round-robin over the owners that wait, so one tenant's burst of 200 calls cannot hold
 * every socket while another tenant's single call waits behind all of them (a FIFO, like the agent's own queue,
 * would serve it 200th). Written here because neither Node's agent nor the SDK's handlers offer per-owner turns.
 */
export class FairRequestQueue {
  readonly limit: number;
  #active = 0;
  #waitingCount = 0;
  /** Waiting requests by owner; the Map's insertion order is the turn order (an owner served goes to the back). */
  #waiting = new Map<object, Waiter[]>();

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Requests holding a place now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a place. */
  get waiting(): number {
    return this.#waitingCount;
  }

  /** Owners with requests waiting. */
  get waitingOwners(): number {
    return this.#waiting.size;
  }

  /** Takes a place at once if one is free and nobody waits (never jumps the queue). */
  tryAcquire(): boolean {
    if (this.#active >= this.limit || this.#waitingCount > 0) return false;
    this.#active += 1;
    return true;
  }

  /** Waits for `owner`'s turn; rejects with an `AbortError` if `signal` fires first. Resolves holding a place. */
  wait(owner: object, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortedWhileWaiting());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          if (this.#remove(owner, waiter)) reject(abortedWhileWaiting());
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      let queue = this.#waiting.get(owner);
      if (!queue) {
        queue = [];
        this.#waiting.set(owner, queue);
      }
      queue.push(waiter);
      this.#waitingCount += 1;
    });
  }

  /** Gives a place back; the next owner in turn (if any waits) gets it. */
  release(): void {
    this.#active -= 1;
    const next = this.#waiting.entries().next();
    if (next.done) return;
    const [owner, queue] = next.value;
    const waiter = queue.shift()!;
    // The owner just served goes to the back of the turn order.
    this.#waiting.delete(owner);
    if (queue.length > 0) this.#waiting.set(owner, queue);
    this.#waitingCount -= 1;
    this.#active += 1;
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.grant();
  }

  #remove(owner: object, waiter: Waiter): boolean {
    const queue = this.#waiting.get(owner);
    const index = queue ? queue.indexOf(waiter) : -1;
    if (!queue || index === -1) return false;
    queue.splice(index, 1);
    if (queue.length === 0) this.#waiting.delete(owner);
    this.#waitingCount -= 1;
    return true;
  }
}
