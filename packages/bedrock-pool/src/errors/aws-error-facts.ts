import { serviceMessage } from './service-message';

/** What {@link awsErrorFacts} reads from an AWS SDK (or network) error: nothing here can hold a credential. */
export interface AwsErrorFacts {
  /**
   * AWS error name (`ThrottlingException`, `ValidationException`, `AccessDeniedException`), the Node error code of a
   * network error that has no better name (`ECONNREFUSED`, `ECONNRESET`), or the error's own name (`TimeoutError`).
   */
  name: string;
  /**
   * Whether the service answered: the error is a modelled AWS exception (`$fault`, also when raised inside an event
   * stream), carries an HTTP status, or a request id (an answer that could not be read). `false` for connection
   * failures, timeouts and aborts before an answer.
   */
  answered: boolean;
  /** AWS request id (`x-amzn-requestid`), when the service answered. */
  requestId: string | undefined;
  /** HTTP status of the answer, when there was one. */
  httpStatusCode: number | undefined;
  /** `client` (the request was wrong: 4xx) or `server` (5xx), on modelled AWS exceptions. */
  fault: 'client' | 'server' | undefined;
  /** Whether the service model marks the error retryable (the SDK's `$retryable`: throttling, unavailable, …). */
  retryable: boolean;
  /** Attempts the SDK made (1 + its retries), when it reported them. */
  attempts: number | undefined;
}

type SdkErrorShape = {
  name?: unknown;
  cause?: unknown;
  code?: unknown;
  requestId?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { requestId?: unknown; httpStatusCode?: unknown; attempts?: unknown };
};

/**
 * The facts of an AWS SDK error, read in one place for every package: name, request id, HTTP status, fault,
 * retryable, attempts. Reads only those fields (never `$response`, whose request headers hold the session token).
 * A value that is not an object gives `{ name: 'Error', answered: false, … }`.
 */
export function awsErrorFacts(error: unknown): AwsErrorFacts {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const meta = typeof e.$metadata === 'object' && e.$metadata !== null ? e.$metadata : {};
  const ownName = typeof e.name === 'string' && e.name.length > 0 ? e.name : 'Error';
  // Network errors arrive as a plain Error with a Node code (ECONNRESET…), or wrapped by the SDK ("AWS SDK error
  // wrapper for Error: connect ECONNREFUSED") with the code on the cause: the code says more than "Error".
  const causeCode = typeof e.cause === 'object' && e.cause !== null ? (e.cause as { code?: unknown }).code : undefined;
  const code = typeof e.code === 'string' && e.code.length > 0 ? e.code : typeof causeCode === 'string' && causeCode.length > 0 ? causeCode : undefined;
  const name = ownName === 'Error' && code !== undefined ? code : ownName;
  // A request id may also sit on the error itself (errors raised after the answer, e.g. an unreadable body).
  const requestId = typeof meta.requestId === 'string' && meta.requestId ? meta.requestId : typeof e.requestId === 'string' && e.requestId ? e.requestId : undefined;
  const httpStatusCode = typeof meta.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
  const fault = e.$fault === 'client' || e.$fault === 'server' ? e.$fault : undefined;
  return {
    name,
    answered: fault !== undefined || httpStatusCode !== undefined || requestId !== undefined,
    requestId,
    httpStatusCode,
    fault,
    retryable: e.$retryable !== undefined && e.$retryable !== null,
    attempts: typeof meta.attempts === 'number' ? meta.attempts : undefined,
  };
}

/** `request id <id>, HTTP <status>`, the parts that are known; `''` when neither is. */
export function describeAwsAnswer(facts: AwsErrorFacts): string {
  return [facts.requestId ? `request id ${facts.requestId}` : '', facts.httpStatusCode ? `HTTP ${facts.httpStatusCode}` : ''].filter(Boolean).join(', ');
}

/**
 * `<name>: <message> (request id <id>, HTTP <status>)`: how every bedrock-flow error that wraps an AWS error
 * describes it after its own first words. The parts that are unknown are left out. The message is the other end's, so
 * it is cut and redacted ({@link serviceMessage}).
 */
export function describeAwsError(facts: AwsErrorFacts, message: string): string {
  const answer = describeAwsAnswer(facts);
  return `${facts.name}: ${serviceMessage(message)}${answer ? ` (${answer})` : ''}`;
}
