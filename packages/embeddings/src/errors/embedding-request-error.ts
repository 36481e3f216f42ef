import { sanitizeAwsError } from '@bedrock-flow/component';

/** Where a failed request sat in the caller's list of texts. */
export interface EmbeddingRequestErrorDetails {
  /** Model id as sent. */
  modelId: string;
  /** Index of the first text the failed request carried (Titan: the text; Cohere: the first of its batch). */
  index: number;
  /** Number of texts the failed request carried (1 for Titan, up to 96 for Cohere). */
  count: number;
  /** The error the AWS SDK raised, after its own retries (kept as `cause` in a sanitised copy, without `$response`). */
  cause: unknown;
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { requestId?: unknown; httpStatusCode?: unknown; attempts?: unknown };
}

/**
 * Thrown when Bedrock (or the network) failed a request after the client's retry strategy gave up.
 * Carries the index of the text that failed, the AWS error name and request id. No credentials: only the SDK
 * error's name, message and metadata are copied, and `cause` is a sanitised copy of the SDK error (never its
 * `$response`, whose request headers hold the session token).
 */
export class EmbeddingRequestError extends Error {
  /** Always `ERR_EMBEDDINGS_REQUEST_FAILED`. */
  readonly code = 'ERR_EMBEDDINGS_REQUEST_FAILED' as const;
  /** Index of the first text of the failed request in the list passed to `embedDocuments`. */
  readonly index: number;
  /** Number of texts the failed request carried. */
  readonly count: number;
  /** Model id as sent. */
  readonly modelId: string;
  /** AWS error name (`ThrottlingException`, `ValidationException`, …) or the network error name (`TimeoutError`, …). */
  readonly awsErrorName: string;
  /** `x-amzn-requestid` of the last attempt, when Bedrock answered. */
  readonly requestId: string | undefined;
  /** HTTP status of the last attempt, when Bedrock answered. */
  readonly httpStatusCode: number | undefined;
  /** Attempts the SDK made (1 + its retries), when it reported them. */
  readonly attempts: number | undefined;
  /** The SDK's response metadata of the failed call, copied so SDK-aware callers still find it. */
  readonly $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number } | undefined;

  constructor(details: EmbeddingRequestErrorDetails) {
    const sdk = (typeof details.cause === 'object' && details.cause !== null ? details.cause : {}) as SdkErrorShape;
    // Network errors arrive as a plain Error with a Node code (ECONNRESET…): the code says more than "Error".
    const nodeCode = sdk.name === 'Error' && typeof sdk.code === 'string' ? sdk.code : undefined;
    const awsErrorName = nodeCode ?? (typeof sdk.name === 'string' ? sdk.name : 'Error');
    const requestId = typeof sdk.$metadata?.requestId === 'string' ? sdk.$metadata.requestId : undefined;
    const httpStatusCode =
      typeof sdk.$metadata?.httpStatusCode === 'number' ? sdk.$metadata.httpStatusCode : undefined;
    const attempts = typeof sdk.$metadata?.attempts === 'number' ? sdk.$metadata.attempts : undefined;
    const sdkMessage = typeof sdk.message === 'string' ? sdk.message : String(details.cause);
    const where =
      details.count > 1
        ? `texts[${details.index}..${details.index + details.count - 1}]`
        : `texts[${details.index}]`;
    super(
      `Bedrock embedding request for ${where} (model ${details.modelId}) failed: ${awsErrorName}: ${sdkMessage}` +
        (requestId ? ` (request id ${requestId})` : ''),
      { cause: sanitizeAwsError(details.cause) },
    );
    this.name = 'EmbeddingRequestError';
    this.index = details.index;
    this.count = details.count;
    this.modelId = details.modelId;
    this.awsErrorName = awsErrorName;
    this.requestId = requestId;
    this.httpStatusCode = httpStatusCode;
    this.attempts = attempts;
    this.$metadata =
      requestId || httpStatusCode || attempts ? { httpStatusCode, requestId, attempts } : undefined;
  }

  /** Plain JSON without the `cause` object (which may hold SDK internals). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      index: this.index,
      count: this.count,
      modelId: this.modelId,
      awsErrorName: this.awsErrorName,
      requestId: this.requestId,
      httpStatusCode: this.httpStatusCode,
      attempts: this.attempts,
    };
  }
}
