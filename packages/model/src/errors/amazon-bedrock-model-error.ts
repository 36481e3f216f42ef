import { awsErrorNameOf, sanitizeAwsError } from '@bedrock-flow/component';

/** Codes of {@link AmazonBedrockModelError}. */
export type AmazonBedrockModelErrorCode =
  /** The AWS SDK client could not be set up (Langflow: "Could not create a boto3 session."). */
  | 'ERR_MODEL_AWS_SESSION_FAILED'
  /** The chat model could not be built or the Bedrock call failed (Langflow: "Could not connect to AmazonBedrock API."). */
  | 'ERR_MODEL_BEDROCK_API_FAILED';

/** Langflow's message for each code, with "AWS SDK" where Python says boto3. */
export const AMAZON_BEDROCK_MODEL_MESSAGES: Record<AmazonBedrockModelErrorCode, string> = {
  ERR_MODEL_AWS_SESSION_FAILED: 'Could not create an AWS SDK session.',
  ERR_MODEL_BEDROCK_API_FAILED: 'Could not connect to AmazonBedrock API.',
};

/**
 * A failure of the `AmazonBedrockModel` component after its inputs validated. The message is Langflow's, followed by
 * the AWS error name, its message and the request id; `cause` is a sanitised copy of the original error (name,
 * message, `$fault`, `$metadata`, `$retryable`, `code`; never the SDK's `$response`, whose request headers hold the
 * session token). Never carries a secret: the SDK's and the pool's messages name keys by id only.
 */
export class AmazonBedrockModelError extends Error {
  readonly code: AmazonBedrockModelErrorCode;
  /**
   * AWS error name (e.g. `ThrottlingException`, `UnrecognizedClientException`, `ModelStreamErrorException`), when the
   * cause is a modelled AWS exception (it has `$fault`, also when raised inside an event stream) or a service answer.
   */
  readonly awsErrorName: string | undefined;
  /** AWS request id (`x-amzn-requestid`), when the service answered. */
  readonly requestId: string | undefined;
  /** HTTP status of the answer, when there was one. */
  readonly httpStatusCode: number | undefined;

  constructor(code: AmazonBedrockModelErrorCode, cause: unknown) {
    const c = (cause ?? {}) as { name?: string; message?: string; requestId?: unknown; $metadata?: { requestId?: string; httpStatusCode?: number } };
    // ModelResponseError carries the request id as a field of its own.
    const requestId = c.$metadata?.requestId ?? (typeof c.requestId === 'string' ? c.requestId : undefined);
    const detail = [c.name && c.name !== 'Error' ? `${c.name}: ` : '', c.message ?? String(cause)].join('');
    super(`${AMAZON_BEDROCK_MODEL_MESSAGES[code]} ${detail}${requestId ? ` (request id ${requestId})` : ''}`, { cause: sanitizeAwsError(cause) });
    this.name = 'AmazonBedrockModelError';
    this.code = code;
    this.awsErrorName = awsErrorNameOf(cause);
    this.requestId = requestId;
    this.httpStatusCode = c.$metadata?.httpStatusCode;
  }
}
