import { CONVERSE_API_ERROR_PREFIX } from './error-prefixes';

/** Error code of {@link ConverseApiError}. */
export const CONVERSE_API_ERROR_CODE = 'ERR_CONVERSE_API_FAILED';

/** What {@link ConverseApiError} keeps of the AWS error. */
export interface ConverseApiErrorDetails {
  /** AWS error name, e.g. `ThrottlingException`, `ValidationException`; or the Node error code (`ECONNREFUSED`). */
  awsErrorName: string;
  /** `$metadata.requestId` of the failed request, when the service answered. */
  requestId?: string;
  /** HTTP status of the failed request, when the service answered. */
  httpStatusCode?: number;
  /** Attempts the SDK made (retries included). */
  attempts?: number;
}

/**
 * A Converse / ConverseStream call failed. The message keeps Langflow's prefix, the AWS error name and the request id:
 * `Converse API error: ThrottlingException: Too many requests (request id 1a2b…, HTTP 429)`. The original error is
 * `cause`; `$metadata` is copied so SDK-aware callers still find it. Never contains credentials.
 */
export class ConverseApiError extends Error {
  /** Always {@link CONVERSE_API_ERROR_CODE}. */
  readonly code = CONVERSE_API_ERROR_CODE;
  readonly awsErrorName: string;
  readonly requestId: string | undefined;
  readonly httpStatusCode: number | undefined;
  /** The SDK's response metadata of the failed call (status, request id, attempts). */
  readonly $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number } | undefined;

  constructor(message: string, details: ConverseApiErrorDetails, cause?: unknown) {
    const facts = [
      details.requestId ? `request id ${details.requestId}` : undefined,
      details.httpStatusCode ? `HTTP ${details.httpStatusCode}` : undefined,
    ].filter(Boolean);
    super(`${CONVERSE_API_ERROR_PREFIX}${details.awsErrorName}: ${message}${facts.length ? ` (${facts.join(', ')})` : ''}`, { cause });
    this.name = 'ConverseApiError';
    this.awsErrorName = details.awsErrorName;
    this.requestId = details.requestId;
    this.httpStatusCode = details.httpStatusCode;
    this.$metadata =
      details.requestId || details.httpStatusCode || details.attempts
        ? { httpStatusCode: details.httpStatusCode, requestId: details.requestId, attempts: details.attempts }
        : undefined;
  }
}
