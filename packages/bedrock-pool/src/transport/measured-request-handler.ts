import { setMaxListeners } from 'node:events';
import type { HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/types';
import type { MetricsRecorder } from '../metrics/metrics-recorder';
import { classifyError, classifyStatus } from './classify-error';
import type { FairRequestQueue } from './fair-request-queue';

/** The request handler shape the SDK client calls (NodeHttpHandler or NodeHttp2Handler). */
export interface InnerRequestHandler {
  metadata?: { handlerProtocol: string };
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  destroy?(): void;
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): unknown;
}

/** The part of a slot's transport the handler uses (a `SharedTransport`). */
export interface MeasuredTransport {
  /** The inner handler, shared by every slot on the transport. */
  readonly inner: InnerRequestHandler;
  /** Connection metrics of the endpoint (http2 reuse is derived from its `connectionsOpened`). */
  readonly recorder: MetricsRecorder;
  /** Turns on the endpoint's sockets across slots (http1); undefined for none. */
  readonly queue: FairRequestQueue | undefined;
  readonly kind: 'http1' | 'http2';
  /** http2: whether the inner handler has served a request (its first call opens the session asynchronously). */
  handledOnce: boolean;
  /** Slots using the transport now. */
  readonly refs: number;
}

/**
 * A slot's request handler over its (possibly shared) transport: counts the slot's requests, in-flight work (until
 * the response body ends, so a stream counts while it streams), throttles and failed attempts, and records time to
 * first byte and request duration. `whenIdle()` lets the slot drain. With a shared transport each request first
 * takes its turn on the endpoint's sockets (`FairRequestQueue`), and `destroy()` aborts only this slot's requests:
 * the SDK's `client.destroy()` calls it, and the transport's sockets belong to other slots too.
 */
export class MeasuredRequestHandler {
  readonly metadata: { handlerProtocol: string };
  #transport: MeasuredTransport;
  #inner: InnerRequestHandler;
  #recorder: MetricsRecorder;
  #queue: FairRequestQueue | undefined;
  #countsReuse: boolean;
  #inFlight = 0;
  /** Requests waiting for their turn on the shared sockets (not sent yet; counted as in flight for draining). */
  #waiting = 0;
  #idleWaiters: Array<() => void> = [];
  #onActivity: () => void;
  #gate: Promise<void> | undefined;
  /** Aborts this slot's requests on `destroy()` without touching the shared sockets' other users. */
  #abort = new AbortController();

  /**
   * @param onActivity called when a request starts (keeps the slot's idle clock fresh).
   * @param inner this slot's handler over `transport.inner` (default: `transport.inner` itself); never destroyed here.
   */
  constructor(transport: MeasuredTransport, recorder: MetricsRecorder, options: { onActivity: () => void; inner?: InnerRequestHandler }) {
    this.#transport = transport;
    this.#inner = options.inner ?? transport.inner;
    this.#recorder = recorder;
    this.#queue = transport.queue;
    // http1 counts reuse in the agent (a socket that served a request before); http2 derives it here.
    this.#countsReuse = transport.kind === 'http2';
    this.#onActivity = options.onActivity;
    this.metadata = this.#inner.metadata ?? { handlerProtocol: 'http/1.1' };
    // One abort listener per request in flight (the SDK's handlers add one): many concurrent calls are normal here.
    setMaxListeners(0, this.#abort.signal);
  }

  /** Requests whose response has not ended yet, including those waiting for their turn on the shared sockets. */
  get inFlight(): number {
    return this.#inFlight + this.#waiting;
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

  /** Sends a warm-up request, bypassing the warm-up gate (not the turns on the shared sockets). */
  handleWarmUp(request: HttpRequest): Promise<{ response: HttpResponse }> {
    return this.#admit(request, undefined);
  }

  /** The SDK's entry point: waits for a running warm-up, then sends through the inner handler, measured. */
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const gate = this.#gate;
    // No async wrapper on the common path: each extra await layer costs microseconds per request.
    if (gate) return gate.then(() => this.#admit(request, options));
    return this.#admit(request, options);
  }

  /** Takes a place on the transport (at once when one is free, else in this slot's turn), then sends. */
  #admit(request: HttpRequest, options: HttpHandlerOptions | undefined): Promise<{ response: HttpResponse }> {
    const withSignal = this.#withSlotSignal(options);
    const queue = this.#queue;
    if (!queue || queue.tryAcquire()) return this.#send(request, withSignal);
    this.#waiting += 1;
    return queue.wait(this, withSignal?.abortSignal as AbortSignal | undefined).then(
      () => {
        this.#waiting -= 1;
        return this.#send(request, withSignal);
      },
      (error: unknown) => {
        this.#waiting -= 1;
        this.#recorder.error(classifyError(error));
        this.#settleIdle();
        throw error;
      },
    );
  }

  /**
   * The request's options with this slot's abort signal (combined with the caller's, when it gave a real one), when
   * other slots share the transport. A slot alone on its transport needs none: destroying the slot destroys the
   * transport, which aborts everything on it; and the signal costs each request an abort listener in the handler.
   * (A request sent while the slot was alone keeps running if the slot is destroyed after others joined; its read
   * timeout bounds it.)
   */
  #withSlotSignal(options: HttpHandlerOptions | undefined): HttpHandlerOptions | undefined {
    if (this.#transport.refs <= 1) return options;
    const own = this.#abort.signal;
    const given = options?.abortSignal;
    if (!given) return { ...options, abortSignal: own as never };
    if (given instanceof AbortSignal) return { ...options, abortSignal: AbortSignal.any([given, own]) as never };
    // A non-standard signal object (the SDK's own AbortController polyfill) cannot be combined: keep the caller's.
    return options;
  }

  #send(request: HttpRequest, options: HttpHandlerOptions | undefined): Promise<{ response: HttpResponse }> {
    const recorder = this.#recorder;
    const startedAt = performance.now();
    this.#onActivity();
    recorder.add('requests');
    this.#begin();
    const connections = this.#transport.recorder;
    const opened = this.#countsReuse ? connections.get('connectionsOpened') : 0;
    let pending: Promise<{ response: HttpResponse }>;
    try {
      pending = this.#inner.handle(request, options);
    } catch (error) {
      return this.#failed(error);
    }
    // NodeHttp2Handler leases or opens its session synchronously (after its first call resolved its config).
    if (this.#countsReuse) {
      if (this.#transport.handledOnce && connections.get('connectionsOpened') === opened) connections.add('requestsOnReusedConnections');
      this.#transport.handledOnce = true;
    }
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

  /** Resolves when nothing is in flight or waiting. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Called by the SDK's `client.destroy()`: aborts this slot's requests (waiting, in flight, streaming) and leaves
   * the transport alone. The transport (agent or sessions) may serve other slots: its owner, the pool, destroys it
   * when its last slot lets go (`@smithy/node-http-handler`'s own `destroy()` would destroy the agent).
   */
  destroy(): void {
    this.#abort.abort(Object.assign(new Error('The pool destroyed this client'), { name: 'AbortError' }));
  }

  /**
   * Not forwarded: the inner handler is the transport's, shared by slots, and its config is the pool's (only SDK
   * extensions call this; a client must not change the handler of other clients).
   */
  updateHttpClientConfig(_key: never, _value: never): void {}

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
    this.#queue?.release();
    this.#settleIdle();
  }

  #settleIdle(): void {
    if (this.#inFlight === 0 && this.#waiting === 0 && this.#idleWaiters.length > 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
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
