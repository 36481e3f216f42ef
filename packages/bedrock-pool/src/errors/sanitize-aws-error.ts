import { serviceMessage } from './service-message';

/** The fields of an AWS SDK error that {@link sanitizeAwsError} keeps: none of them can hold a credential. */
export interface SanitizedAwsError extends Error {
  /** `client` or `server`, on modelled AWS exceptions. */
  $fault?: unknown;
  /** The SDK's response metadata (status, request id, attempts). */
  $metadata?: unknown;
  /** The SDK's retry hint (`{ throttling }`), when it set one. */
  $retryable?: unknown;
  /** The Node error code (`ECONNRESET`, …) of a network error. */
  code?: unknown;
}

/** Fields copied from the SDK error; `$response` (which holds the signed request headers) is deliberately absent. */
const KEPT_FIELDS = ['$fault', '$metadata', '$retryable', 'code'] as const;
/** Causes below this depth are dropped: a chain that deep is a loop or noise. */
const MAX_CAUSE_DEPTH = 4;

function copyOf(error: object, depth: number): SanitizedAwsError {
  const source = error as Record<string, unknown>;
  const copy = new Error(serviceMessage(typeof source['message'] === 'string' ? source['message'] : String(error))) as SanitizedAwsError;
  copy.name = typeof source['name'] === 'string' ? source['name'] : 'Error';
  // The stack's first line repeats the message as the endpoint wrote it: only the frames are kept after the cut one.
  if (typeof source['stack'] === 'string') copy.stack = [`${copy.name}: ${copy.message}`, ...source['stack'].split('\n').filter((line) => /^\s+at /.test(line))].join('\n');
  for (const field of KEPT_FIELDS) if (source[field] !== undefined) (copy as unknown as Record<string, unknown>)[field] = source[field];
  const cause = source['cause'];
  if (cause !== undefined && depth < MAX_CAUSE_DEPTH) copy.cause = typeof cause === 'object' && cause !== null ? copyOf(cause, depth + 1) : cause;
  return copy;
}

/**
 * A copy of an AWS SDK (or network) error safe to keep as a component error's `cause`: name, message (cut and
 * redacted: {@link serviceMessage}), stack frames,
 * `$fault`, `$metadata`, `$retryable`, `code` and a sanitised `cause`. The SDK error's non-enumerable `$response`
 * holds the signed request, whose `x-amz-security-token` header is the session token: it is never copied.
 * Values that are not objects are returned as they are.
 */
export function sanitizeAwsError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  return copyOf(error, 0);
}
