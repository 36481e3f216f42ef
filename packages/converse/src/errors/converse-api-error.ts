import { awsErrorFacts, BedrockFlowError, describeAwsError } from '@bedrock-flow/bedrock-pool';
import { inferenceProfileAdvice, sanitizeAwsError } from '@bedrock-flow/component';
import { CONVERSE_API_ERROR_PREFIX } from './error-prefixes';

/** Error code of {@link ConverseApiError}. */
export const CONVERSE_API_ERROR_CODE = 'ERR_CONVERSE_API_FAILED';

/**
 * A Converse / ConverseStream call failed. The message keeps Langflow's prefix, the AWS error name and the request id:
 * `Converse API error: ThrottlingException: Too many requests (request id 1a2b…, HTTP 429)`. `cause` is a sanitised
 * copy of the SDK error (never its `$response`, whose request headers hold the session token); `$metadata` is copied
 * so SDK-aware callers still find it. Never contains credentials.
 */
export class ConverseApiError extends BedrockFlowError {
  declare readonly code: typeof CONVERSE_API_ERROR_CODE;
  /** AWS error name, e.g. `ThrottlingException`, `ValidationException`; or the Node error code (`ECONNREFUSED`). */
  readonly awsErrorName: string;
  /** `$metadata.requestId` of the failed request, when the service answered. */
  readonly requestId: string | undefined;
  /** HTTP status of the failed request, when the service answered. */
  readonly httpStatusCode: number | undefined;
  /** The SDK's response metadata of the failed call (status, request id, attempts). */
  readonly $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number } | undefined;
  /**
   * For Bedrock's "with on-demand throughput isn’t supported" ValidationException: the inference profile ids that serve
   * the model in the node's region (from discovery); `[]` when none does, `undefined` otherwise or when they could not be listed.
   */
  inferenceProfiles: string[] | undefined;

  /** `cause`: the error the AWS SDK raised (after its retries). */
  constructor(cause: unknown) {
    const facts = awsErrorFacts(cause);
    const message = cause instanceof Error ? cause.message : String(cause);
    super(CONVERSE_API_ERROR_CODE, `${CONVERSE_API_ERROR_PREFIX}${describeAwsError(facts, message)}`, { cause: sanitizeAwsError(cause), aws: facts });
    this.awsErrorName = facts.name;
    this.requestId = facts.requestId;
    this.httpStatusCode = facts.httpStatusCode;
    const { requestId, httpStatusCode, attempts } = facts;
    this.$metadata = requestId || httpStatusCode || attempts ? { httpStatusCode, requestId, attempts } : undefined;
    this.inferenceProfiles = undefined;
  }

  /** This error, its message naming the inference profiles that serve the model in `region` (issue 25). Returns `this`. */
  withInferenceProfiles(region: string, profiles: string[] | undefined): this {
    this.inferenceProfiles = profiles;
    this.message += inferenceProfileAdvice(region, profiles);
    return this;
  }
}
