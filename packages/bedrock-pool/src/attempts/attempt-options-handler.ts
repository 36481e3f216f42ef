import type { HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/types';
import type { NormalizedClientConfig } from '../config/normalize-config';
import { MAX_TIMEOUT_MS } from '../config/defaults';
import { ConfigValidationError } from '../errors/config-validation-error';
import type { InnerRequestHandler } from '../transport/measured-request-handler';
import { attemptBoundFor } from './attempt-bound';
import { attemptOf } from './attempt-state';
import type { OperationKind } from './operation-kind';

/**
 * Options a caller may pass to `client.send(command, options)` on a pooled client, besides the SDK's own.
 * Assign them to a typed variable first (an object literal of this type is not an `HttpHandlerOptions`).
 */
export interface PoolRequestOptions extends HttpHandlerOptions {
  /** This call's silence bound, ms (the wait for a non-streaming answer, the longest silence of a stream). Default: the operation's. */
  requestTimeout?: number;
  /** Retry this generation even after its request was sent in full (it may then be billed twice). Default: `retry.afterWrite`. */
  retryAfterWrite?: boolean;
  /** What the call is, when its model id does not tell (an embedding on an application inference profile ARN). */
  operationKind?: OperationKind;
}

const KINDS: ReadonlySet<string> = new Set(['generation', 'stream', 'embedding', 'other']);

/**
 * Applies a call's {@link PoolRequestOptions} to its attempt, then hands the request on: on http2 with the attempt's
 * bound as the stream's inactivity timeout (`NodeHttp2Handler` honours it per request); on http1 without
 * `requestTimeout`, whose bound the agent's socket watch enforces (`NodeHttpHandler` would read it as a total time to
 * the response headers).
 */
export class AttemptOptionsHandler implements InnerRequestHandler {
  readonly metadata: { handlerProtocol: string };
  readonly #inner: InnerRequestHandler;
  readonly #http: NormalizedClientConfig['http'];
  readonly #passesBound: boolean;

  constructor(inner: InnerRequestHandler, http: NormalizedClientConfig['http'], transport: 'http1' | 'http2') {
    this.#inner = inner;
    this.#http = http;
    this.#passesBound = transport === 'http2';
    this.metadata = inner.metadata ?? { handlerProtocol: transport === 'http2' ? 'h2' : 'http/1.1' };
  }

  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const state = attemptOf(request.headers);
    const { requestTimeout, retryAfterWrite, operationKind, ...sdkOptions } = (options ?? {}) as PoolRequestOptions;
    if (state) {
      if (operationKind !== undefined) {
        if (!KINDS.has(operationKind)) throw new ConfigValidationError('operationKind', `got ${String(operationKind)}`, '"generation", "stream", "embedding" or "other"');
        state.kind = operationKind;
        const bound = attemptBoundFor(operationKind, this.#http);
        state.timeoutMs = bound.timeoutMs;
        state.timeoutField = bound.field;
      }
      if (requestTimeout !== undefined) {
        if (typeof requestTimeout !== 'number' || !Number.isInteger(requestTimeout) || requestTimeout < 1 || requestTimeout > MAX_TIMEOUT_MS) {
          throw new ConfigValidationError('requestTimeout', `got ${String(requestTimeout)}`, `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`);
        }
        state.timeoutMs = requestTimeout;
        state.timeoutField = 'the call option requestTimeout';
      }
      if (retryAfterWrite !== undefined) state.retryAfterWrite = retryAfterWrite === true;
      state.dispatched = true;
    }
    if (!this.#passesBound) return this.#inner.handle(request, sdkOptions);
    const bound = state?.timeoutMs ?? requestTimeout ?? this.#http.requestTimeoutMs ?? this.#http.otherTimeoutMs;
    return this.#inner.handle(request, { ...sdkOptions, requestTimeout: bound });
  }

  destroy(): void {
    this.#inner.destroy?.();
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.#inner.updateHttpClientConfig?.(key, value);
  }

  httpHandlerConfigs(): unknown {
    return this.#inner.httpHandlerConfigs?.() ?? {};
  }
}
