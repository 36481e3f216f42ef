import type { OperationKind } from './operation-kind';

/**
 * What one attempt (one HTTP request) went through, as the transport saw it: whether the request was written in full,
 * on a reused socket, whether the server closed the connection before answering, whether the answer started, whether
 * its silence bound fired. The retry decision reads it (see `mayHaveBeenProcessed`).
 */
export class AttemptState {
  /** The operation, e.g. `Converse`. */
  readonly operation: string;
  kind: OperationKind;
  /** Silence bound of this attempt, ms. */
  timeoutMs: number;
  /** The setting the bound comes from, named in errors. */
  timeoutField: string;
  /** Retry even after the request was written. */
  retryAfterWrite: boolean;
  /** The request reached the transport (the pool's own checks passed). */
  dispatched = false;
  /** The request was handed to the socket in full (ClientRequest 'finish'). */
  written = false;
  /** When it was (`performance.now()`), to tell a stale socket's FIN (in flight as we wrote) from a later close. */
  writtenAt = 0;
  /** The socket had served an earlier request. */
  reusedSocket = false;
  /**
   * The server closed its side (FIN) before any byte of the answer, and before or right after the request was written:
   * a stale keep-alive socket whose FIN crossed our request, which the server never read. A FIN that comes later (a
   * proxy giving up on a slow answer) does not count: the request may be being processed.
   */
  closedBeforeAnswer = false;
  /** Response headers arrived. */
  answered = false;
  /** The silence bound fired. */
  timedOut = false;
  /** Whether the transport tracks this attempt (http1 agent); otherwise the decision falls back to error codes. */
  tracked = false;

  constructor(operation: string, kind: OperationKind, timeoutMs: number, timeoutField: string, retryAfterWrite: boolean) {
    this.operation = operation;
    this.kind = kind;
    this.timeoutMs = timeoutMs;
    this.timeoutField = timeoutField;
    this.retryAfterWrite = retryAfterWrite;
  }
}

// Keyed by the signed request's `headers` object: the same object reaches the request handler and, through
// NodeHttpHandler's `https.request({ headers })`, the agent's `addRequest` options, so every layer finds the attempt
// without a header on the wire. The SDK signs a fresh copy per attempt, so the key is unique per attempt.
const attempts = new WeakMap<object, AttemptState>();

/** Records the state of the attempt whose request carries `headers`. */
export function trackAttempt(headers: object, state: AttemptState): void {
  attempts.set(headers, state);
}

/** The state of the attempt whose request carries `headers`, if the pool's middleware made one. */
export function attemptOf(headers: object | undefined): AttemptState | undefined {
  return headers === undefined ? undefined : attempts.get(headers);
}
