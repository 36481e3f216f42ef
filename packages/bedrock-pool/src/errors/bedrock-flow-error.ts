import type { AwsErrorFacts } from './aws-error-facts';
import { sanitizeAwsError } from './sanitize-aws-error';

/**
 * Every bedrock-flow error code: `ERR_` + the package (`BEDROCK_POOL`, `COMPONENT`, `CONVERSE`, `MODEL`, `EMBEDDINGS`,
 * `DOCTOR`) + what happened. The table of all codes is `docs/errors.md`.
 */
export type BedrockFlowErrorCode = `ERR_${string}`;

/** What every bedrock-flow error constructor passes to {@link BedrockFlowError} besides its code and message. */
export interface BedrockFlowErrorOptions {
  /** The input, option or field the error concerns (`max_tokens`, `http.maxSockets`, `texts[3]`), when there is one. */
  field?: string | undefined;
  /** The error that led to this one. An AWS SDK error is kept as a sanitised copy (never its `$response`). */
  cause?: unknown;
  /** What the AWS SDK error behind this one says (see {@link awsErrorFacts}), when there is one. */
  aws?: AwsErrorFacts | undefined;
}

/**
 * Base class of every error the bedrock-flow packages throw (the emulator, which depends on no library package, keeps
 * its own). `code` is stable and follows one convention (see {@link BedrockFlowErrorCode}); `field` names the input
 * concerned; `aws` holds the AWS error's facts when the error wraps one; the message is for people and its first
 * words say what happened: a validation error, a connection failure, or the service's answer.
 *
 * Subclasses take what the error is about first and an options object (`{ cause }`) last, and pass
 * `(code, message, { field, cause, aws })` here. Messages and fields never carry a secret.
 */
export class BedrockFlowError extends Error {
  /** Stable machine-readable code, `ERR_<PACKAGE>_<WHAT>`. */
  readonly code: BedrockFlowErrorCode;
  /** The input, option or field concerned, when there is one. */
  declare readonly field?: string;
  /** Facts of the AWS SDK error behind this one (name, request id, HTTP status, fault, retryable), when there is one. */
  declare readonly aws?: AwsErrorFacts;

  constructor(code: BedrockFlowErrorCode, message: string, options: BedrockFlowErrorOptions = {}) {
    // An AWS SDK error keeps the signed request (session token in its headers) on `$response`: whatever the caller
    // passes, such a cause is kept only as a sanitised copy.
    const cause = typeof options.cause === 'object' && options.cause !== null && '$response' in options.cause ? sanitizeAwsError(options.cause) : options.cause;
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    // Own properties only when set, so errors without them print and serialise without `field: undefined`.
    if (options.field !== undefined) Object.defineProperty(this, 'field', { value: options.field, enumerable: true });
    if (options.aws !== undefined) Object.defineProperty(this, 'aws', { value: options.aws, enumerable: true });
  }
}
