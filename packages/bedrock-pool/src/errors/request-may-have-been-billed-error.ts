import { BedrockPoolError } from './bedrock-pool-error';

/** Why a sent generation failed without an answer: its wait ran out, or its connection was lost. */
export type UnansweredReason = 'timeout' | 'connection-lost';

/**
 * A generation whose request was sent in full failed without an answer (timed out, or its connection was lost), so
 * the model may have processed it and AWS may bill it; it was not sent again. Not retryable by the SDK (no transient
 * `cause`). `field` names the setting that bounds the wait; `retry.afterWrite` (or the call option `retryAfterWrite`)
 * lets such calls be retried.
 */
export class RequestMayHaveBeenBilledError extends BedrockPoolError {
  /** The setting that bounded the wait, e.g. `http.generationTimeoutMs`. */
  declare readonly field: string;
  /** The operation, e.g. `Converse`. */
  readonly operation: string;
  /** What happened after the request was sent. */
  readonly reason: UnansweredReason;
  /** The bound in force, ms. */
  readonly timeoutMs: number;
  /** The transport error's code or name (`ETIMEDOUT`, `ECONNRESET`, …); the error itself is not kept as `cause`, which the SDK would retry. */
  readonly transportError: string;

  constructor(details: { operation: string; reason: UnansweredReason; field: string; timeoutMs: number; transportError: string; transportMessage: string }) {
    const what =
      details.reason === 'timeout'
        ? `got no byte for ${details.timeoutMs} ms after the request was sent`
        : `lost its connection after the request was sent (${details.transportError}: ${details.transportMessage})`;
    super(
      'ERR_BEDROCK_POOL_MAY_HAVE_BEEN_BILLED',
      `${details.operation} ${what}. The model may have processed the request and it may be billed, so it was not sent again. ` +
        `The wait is set by ${details.field} (${details.timeoutMs} ms; a node's "Timeout" input sets http.requestTimeoutMs); ` +
        'to retry such calls anyway, set retry.afterWrite (or the call option retryAfterWrite).',
      { field: details.field },
    );
    this.operation = details.operation;
    this.reason = details.reason;
    this.timeoutMs = details.timeoutMs;
    this.transportError = details.transportError;
  }
}
