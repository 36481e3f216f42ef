import type { ResponseStream } from '@aws-sdk/client-bedrock-runtime';

/** Options of {@link ModelStreamReader}. */
export interface ModelStreamReaderOptions {
  /** The caller's abort signal. */
  signal?: AbortSignal;
  /** Aborts the HTTP request itself (destroys the socket); used only when draining would take too long. */
  transport: AbortController;
  /**
   * After an abort or an early stop, how long to keep reading (and discarding) the rest of the stream so the
   * keep-alive socket goes back to the pool, before destroying the request instead. Default 2000 ms.
   */
  drainTimeoutMs?: number;
}

/** Default of {@link ModelStreamReaderOptions.drainTimeoutMs}. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 2000;

/** The error thrown to the caller when its signal aborts the stream. */
export function abortErrorOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  // Not `instanceof Error`: an AbortSignal's DOMException may come from another realm.
  if (reason !== null && typeof reason === 'object' && typeof (reason as Error).message === 'string') return reason as Error;
  const error = new Error(reason === undefined ? 'Aborted' : String(reason));
  error.name = 'AbortError';
  return error;
}

/**
 * Reads `InvokeModelWithResponseStream` events as parsed model JSON chunks, and frees the connection when the
 * caller stops early: on abort (or an early `return`) it stops yielding at once, drains the rest of the response
 * in the background so HTTP/1.1 keep-alive can reuse the socket, and destroys the request if the drain exceeds
 * `drainTimeoutMs`. Passing the caller's signal straight to the SDK would destroy the socket on every abort.
 */
export class ModelStreamReader {
  private readonly iterator: AsyncIterator<ResponseStream>;
  private readonly signal: AbortSignal | undefined;
  private readonly transport: AbortController;
  private readonly drainTimeoutMs: number;
  private finished = false;
  private releasing: Promise<void> | undefined;
  private readonly onAbort = () => void this.release();

  constructor(body: AsyncIterable<ResponseStream>, options: ModelStreamReaderOptions) {
    this.iterator = body[Symbol.asyncIterator]();
    this.signal = options.signal;
    this.transport = options.transport;
    this.drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Model chunks (JSON-parsed `chunk.bytes`), in order. Throws the abort reason once the signal aborts. */
  async *chunks(): AsyncGenerator<unknown> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        if (this.signal?.aborted) throw abortErrorOf(this.signal);
        const next = await this.readNext();
        if (this.signal?.aborted) throw abortErrorOf(this.signal);
        if (next.done) {
          this.finished = true;
          return;
        }
        const event = next.value;
        if (event.chunk?.bytes) {
          yield JSON.parse(decoder.decode(event.chunk.bytes)) as unknown;
          continue;
        }
        throw streamEventError(event);
      }
    } finally {
      this.signal?.removeEventListener('abort', this.onAbort);
      if (!this.finished) void this.release();
    }
  }

  /** The next event; a failed read means the response is over (nothing left to drain). */
  private async readNext(): Promise<IteratorResult<ResponseStream>> {
    try {
      return await this.iterator.next();
    } catch (error) {
      if (!this.signal?.aborted) this.finished = true;
      throw error;
    }
  }

  /**
   * Stop reading and free the connection: drain what is left (bounded by `drainTimeoutMs`), else destroy the
   * request. Idempotent; resolves when the connection is free.
   */
  release(): Promise<void> {
    if (this.finished) return Promise.resolve();
    this.releasing ??= this.drain();
    return this.releasing;
  }

  private async drain(): Promise<void> {
    const timer = setTimeout(() => this.transport.abort(), this.drainTimeoutMs);
    timer.unref?.();
    try {
      for (;;) {
        const next = await this.iterator.next();
        if (next.done) break;
      }
    } catch {
      // Destroyed by the drain timeout, or the stream failed: either way the request is over.
    } finally {
      clearTimeout(timer);
      this.finished = true;
    }
  }
}

/** An event-stream member other than `chunk` is an in-stream error (e.g. `throttlingException`). */
function streamEventError(event: ResponseStream): Error {
  const entry = Object.entries(event).find(([key, value]) => key !== 'chunk' && value !== undefined);
  const name = entry?.[0] ?? 'unknownStreamEvent';
  const detail = (entry?.[1] ?? {}) as { message?: string };
  const error = new Error(`Bedrock stream error ${name}: ${detail.message ?? 'no message'}`);
  error.name = name.charAt(0).toUpperCase() + name.slice(1);
  return error;
}
