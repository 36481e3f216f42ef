import type { HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/types';
import type { MetricsRecorder } from '../metrics/metrics-recorder';
import { classifyError, classifyStatus } from './classify-error';

/** The request handler shape the SDK client calls (NodeHttpHandler or NodeHttp2Handler). */
export interface InnerRequestHandler {
  metadata?: { handlerProtocol: string };
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  destroy?(): void;
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): unknown;
}

/**
 * Wraps a slot's request handler: counts requests, in-flight work (until the response body ends, so a
 * stream counts while it streams), throttles and failed attempts, and records time to first byte and
 * request duration. `whenIdle()` lets the slot drain.
 */
export class MeasuredRequestHandler {
  readonly metadata: { handlerProtocol: string };
  #inner: InnerRequestHandler;
  #recorder: MetricsRecorder;
  #countsReuse: boolean;
  #handled = false;
  #inFlight = 0;
  #idleWaiters: Array<() => void> = [];
  #onActivity: () => void;
  #gate: Promise<void> | undefined;

  /**
   * @param countsReuse derive "request on a reused connection" here (http2); http1 counts it in the agent.
   * @param onActivity called when a request starts (keeps the slot's idle clock fresh).
   */
  constructor(inner: InnerRequestHandler, recorder: MetricsRecorder, options: { countsReuse: boolean; onActivity: () => void }) {
    this.#inner = inner;
    this.#recorder = recorder;
    this.#countsReuse = options.countsReuse;
    this.#onActivity = options.onActivity;
    this.metadata = inner.metadata ?? { handlerProtocol: 'http/1.1' };
  }

  /** Requests whose response has not ended yet. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Makes requests that arrive before `warmUp` settles wait for it, so they reuse the connections it opens
   * instead of opening their own.
   */
  holdRequestsUntil(warmUp: Promise<unknown>): void {
    const gate = warmUp.then(
      () => undefined,
      () => undefined,
    );
    this.#gate = gate;
    void gate.then(() => {
      if (this.#gate === gate) this.#gate = undefined;
    });
  }

  /** Sends a warm-up request, bypassing the warm-up gate. */
  handleWarmUp(request: HttpRequest): Promise<{ response: HttpResponse }> {
    return this.#send(request, undefined);
  }

  /** The SDK's entry point: waits for a running warm-up, then sends through the inner handler, measured. */
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const gate = this.#gate;
    // No async wrapper on the common path: each extra await layer costs microseconds per request.
    if (gate) return gate.then(() => this.#send(request, options));
    return this.#send(request, options);
  }

  #send(request: HttpRequest, options: HttpHandlerOptions | undefined): Promise<{ response: HttpResponse }> {
    const recorder = this.#recorder;
    const startedAt = performance.now();
    this.#onActivity();
    recorder.add('requests');
    this.#begin();
    const opened = this.#countsReuse ? recorder.get('connectionsOpened') : 0;
    let pending: Promise<{ response: HttpResponse }>;
    try {
      pending = this.#inner.handle(request, options);
    } catch (error) {
      return this.#failed(error);
    }
    // NodeHttp2Handler leases or opens its session synchronously (after its first call resolved its config).
    if (this.#countsReuse && this.#handled && recorder.get('connectionsOpened') === opened) recorder.add('requestsOnReusedConnections');
    this.#handled = true;
    return pending.then((result) => this.#answered(result, startedAt), (error: unknown) => this.#failed(error));
  }

  #failed(error: unknown): never {
    this.#recorder.error(classifyError(error));
    this.#end();
    throw error;
  }

  #answered(result: { response: HttpResponse }, startedAt: number): { response: HttpResponse } {
    const recorder = this.#recorder;
    const answeredAt = performance.now();
    recorder.record('timeToFirstByteMs', answeredAt - startedAt);
    const status = result.response.statusCode;
    if (status >= 300) {
      const statusKind = classifyStatus(status);
      if (status === 429) recorder.add('throttles');
      if (statusKind) recorder.error(statusKind);
    }
    this.#onBodyEnd(result.response.body, startedAt);
    return result;
  }

  /** Resolves when nothing is in flight. */
  whenIdle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Destroys the inner handler (its agent or sessions). */
  destroy(): void {
    this.#inner.destroy?.();
  }

  /** Forwarded to the inner handler (the SDK sets e.g. its logger this way). */
  updateHttpClientConfig(key: never, value: never): void {
    this.#inner.updateHttpClientConfig?.(key, value);
  }

  /** The inner handler's resolved config. */
  httpHandlerConfigs(): unknown {
    return this.#inner.httpHandlerConfigs?.() ?? {};
  }

  #begin(): void {
    this.#inFlight += 1;
    this.#recorder.add('inFlight');
  }

  #end(): void {
    this.#inFlight -= 1;
    this.#recorder.add('inFlight', -1);
    if (this.#inFlight === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #bodyEnded(startedAt: number): void {
    this.#recorder.record('requestDurationMs', performance.now() - startedAt);
    this.#end();
  }

  #onBodyEnd(body: unknown, startedAt: number): void {
    const stream = body as NodeJS.ReadableStream & { destroyed?: boolean; readableEnded?: boolean };
    if (!stream || typeof stream.on !== 'function' || stream.destroyed || stream.readableEnded) {
      this.#bodyEnded(startedAt);
      return;
    }
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      this.#bodyEnded(startedAt);
    };
    // One guarded closure and plain listeners (no once-wrappers to allocate and remove): the stream is done
    // after any of them, and goes away with its listeners.
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  }
}
