import type { Agent, ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { attemptOf, type AttemptState } from '../attempts/attempt-state';

/**
 * How soon after the request was written a server's FIN still means "closed while idle, request unread": the FIN was
 * in flight as we wrote, so it arrives within about one round trip. Later, it may be a proxy giving up on a slow answer.
 */
const STALE_FIN_WINDOW_MS = 1_000;

type AddRequest = (this: Agent, request: ClientRequest, options: { headers?: object }) => void;

/** Options of {@link watchAttempts}. */
export interface WatchAttemptsOptions {
  /** Bound for requests the pool's middleware did not see (the warm-up ping), ms. */
  fallbackTimeoutMs: number;
  /** TCP keep-alive initial delay set on each socket when it is first used, ms. */
  keepAliveMsecs: number;
}

/**
 * Hooks an HTTP/1.1 agent so that every request:
 * - gets its attempt's silence bound on its socket (no byte in or out for that long destroys the request, and the
 *   response if it started, with a `TimeoutError` naming the setting): one mechanism for the wait for a non-streaming
 *   answer and for the gaps of a stream;
 * - records what the retry decision needs: written in full ('finish'), on a reused socket, server FIN before any
 *   answer (a stale keep-alive socket), answer started, bound fired;
 * - runs on a socket with TCP keep-alive probes on from its first request (NodeHttpHandler sets them only 3 s into a
 *   request, the agent only once a socket is free), so a dead path is found while a model generates.
 * Written here because NodeHttpHandler's timeouts are handler-wide (`socketTimeout`) or bound only the time to the
 * response headers (`requestTimeout`), and it does not say whether a failed request had been sent.
 */
export function watchAttempts<T extends Agent>(agent: T, options: WatchAttemptsOptions): T {
  const target = agent as unknown as { addRequest: AddRequest };
  const addRequest = target.addRequest;
  const served = new WeakSet<Socket>();
  target.addRequest = function watchedAddRequest(request, requestOptions) {
    const state = attemptOf(requestOptions?.headers);
    if (state) {
      state.tracked = true;
      request.once('finish', () => {
        state.written = true;
        state.writtenAt = performance.now();
      });
    }
    request.once('socket', (socket: Socket) => {
      if (!served.has(socket)) {
        served.add(socket);
        socket.setKeepAlive(true, options.keepAliveMsecs);
      } else if (state) {
        state.reusedSocket = true;
      }
      watchSilence(request, socket, state, options.fallbackTimeoutMs);
    });
    return addRequest.call(this, request, requestOptions);
  };
  return agent;
}

function watchSilence(request: ClientRequest, socket: Socket, state: AttemptState | undefined, fallbackTimeoutMs: number): void {
  const timeoutMs = state?.timeoutMs ?? fallbackTimeoutMs;
  let response: IncomingMessage | undefined;
  const onResponse = (res: IncomingMessage) => {
    response = res;
    if (state) state.answered = true;
  };
  const onEnd = () => {
    if (state && !state.answered && (!state.written || performance.now() - state.writtenAt < STALE_FIN_WINDOW_MS)) state.closedBeforeAnswer = true;
  };
  const onTimeout = () => {
    // The answer is complete and the socket merely waits to be freed: nothing to fail.
    if (response?.complete) return;
    if (state) state.timedOut = true;
    const error = Object.assign(
      new Error(`no byte received or sent for ${timeoutMs} ms (${state ? `${state.operation}, bounded by ${state.timeoutField}` : 'bounded by http.otherTimeoutMs'})`),
      { name: 'TimeoutError', code: 'ETIMEDOUT' },
    );
    response?.destroy(error);
    request.destroy(error);
  };
  const arm = () => {
    socket.setTimeout(timeoutMs);
    socket.on('timeout', onTimeout);
  };
  // The connect phase has its own bound (`connectTimeoutMs`); silence counts from the connection.
  if (socket.connecting) socket.once('connect', arm);
  else arm();
  request.once('response', onResponse);
  socket.on('end', onEnd);
  request.once('close', () => {
    socket.removeListener('connect', arm);
    socket.removeListener('timeout', onTimeout);
    socket.removeListener('end', onEnd);
  });
}
