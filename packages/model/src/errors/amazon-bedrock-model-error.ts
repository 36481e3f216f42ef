import { awsErrorFacts, BedrockFlowError, describeAwsError, serviceMessage } from '@bedrock-flow/bedrock-pool';
import { inferenceProfileAdvice, sanitizeAwsError } from '@bedrock-flow/component';

/** Codes of {@link AmazonBedrockModelError}. */
export type AmazonBedrockModelErrorCode =
  /** The AWS SDK client could not be set up (Langflow: "Could not create a boto3 session."). */
  | 'ERR_MODEL_AWS_SESSION_FAILED'
  /** No answer came from Bedrock: connection refused or reset, DNS, TLS, timeout (Langflow: "Could not connect to AmazonBedrock API."). */
  | 'ERR_MODEL_CONNECTION_FAILED'
  /** Bedrock answered with an error (4xx, 5xx, an in-stream exception) or an answer that could not be read. */
  | 'ERR_MODEL_BEDROCK_API_FAILED';

/** The first words of each code's message: what happened. */
export const AMAZON_BEDROCK_MODEL_MESSAGES: Record<AmazonBedrockModelErrorCode, string> = {
  ERR_MODEL_AWS_SESSION_FAILED: 'Could not create an AWS SDK session.',
  ERR_MODEL_CONNECTION_FAILED: 'Could not connect to AmazonBedrock API.',
  ERR_MODEL_BEDROCK_API_FAILED: 'AmazonBedrock API error:',
};

/** Where {@link AmazonBedrockModelError} happened: setting up the client, or calling the model. */
export type AmazonBedrockModelErrorStage = 'session' | 'call';

/**
 * A failure of the `AmazonBedrockModel` component after its inputs validated. The first words say what happened:
 * "Could not create an AWS SDK session." (the client could not be set up), "Could not connect to AmazonBedrock API."
 * (no answer came: a connection failure or timeout) or "AmazonBedrock API error:" (Bedrock answered with an error),
 * followed by the AWS error name, its message, the request id and the HTTP status. `cause` is a sanitised copy of the
 * original error (never the SDK's `$response`, whose request headers hold the session token).
 */
export class AmazonBedrockModelError extends BedrockFlowError {
  declare readonly code: AmazonBedrockModelErrorCode;
  /**
   * AWS error name (e.g. `ThrottlingException`, `UnrecognizedClientException`, `ModelStreamErrorException`), when the
   * cause is a modelled AWS exception (it has `$fault`, also when raised inside an event stream) or a service answer.
   */
  readonly awsErrorName: string | undefined;
  /** AWS request id (`x-amzn-requestid`), when the service answered. */
  readonly requestId: string | undefined;
  /** HTTP status of the answer, when there was one. */
  readonly httpStatusCode: number | undefined;
  /**
   * For Bedrock's "with on-demand throughput isn’t supported" ValidationException: the inference profile ids that serve
   * the model in the node's region (from discovery); `[]` when none does, `undefined` otherwise or when they could not be listed.
   */
  inferenceProfiles: string[] | undefined = undefined;

  constructor(cause: unknown, options: { stage: AmazonBedrockModelErrorStage }) {
    const facts = awsErrorFacts(cause);
    const code: AmazonBedrockModelErrorCode =
      options.stage === 'session' ? 'ERR_MODEL_AWS_SESSION_FAILED' : facts.answered ? 'ERR_MODEL_BEDROCK_API_FAILED' : 'ERR_MODEL_CONNECTION_FAILED';
    const message = cause instanceof Error ? cause.message : String(cause);
    const detail = facts.name === 'Error' ? serviceMessage(message) : describeAwsError(facts, message);
    super(code, `${AMAZON_BEDROCK_MODEL_MESSAGES[code]} ${detail}`, { cause: sanitizeAwsError(cause), aws: options.stage === 'call' ? facts : undefined });
    const e = (typeof cause === 'object' && cause !== null ? cause : {}) as { $fault?: unknown; $metadata?: unknown };
    this.awsErrorName = e.$fault !== undefined || e.$metadata !== undefined ? facts.name : undefined;
    this.requestId = facts.requestId;
    this.httpStatusCode = facts.httpStatusCode;
  }

  /** This error, its message naming the inference profiles that serve the model in `region` (issue 25). Returns `this`. */
  withInferenceProfiles(region: string, profiles: string[] | undefined): this {
    this.inferenceProfiles = profiles;
    this.message += inferenceProfileAdvice(region, profiles);
    return this;
  }
}
