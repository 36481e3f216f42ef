import { awsErrorFacts, BedrockFlowError, describeAwsError } from '@bedrock-flow/bedrock-pool';
import { sanitizeAwsError } from '@bedrock-flow/component';
import { describeTextIndexes } from './describe-text-indexes';

/** Where a failed request sat in the caller's list of texts. */
export interface EmbeddingRequestErrorDetails {
  /** Model id as sent. */
  modelId: string;
  /** Index in the caller's list of each text the failed request carried (Titan: one; Cohere: its batch), in order. */
  indexes: readonly number[];
  /** The error the AWS SDK raised, after its own retries (kept as `cause` in a sanitised copy, without `$response`). */
  cause: unknown;
}

/**
 * Thrown when Bedrock (or the network) failed a request after the client's retry strategy gave up.
 * Names exactly the caller's texts the request carried, the AWS error name and request id. No credentials: only the
 * SDK error's name, message and metadata are copied, and `cause` is a sanitised copy of the SDK error (never its
 * `$response`, whose request headers hold the session token).
 */
export class EmbeddingRequestError extends BedrockFlowError {
  declare readonly code: 'ERR_EMBEDDINGS_REQUEST_FAILED';
  /** `texts[i]` of the first text of the failed request, or `texts[0, 4, 5]` / `texts[0..95]` for a batch. */
  declare readonly field: string;
  /** Index of the first text of the failed request in the list passed to `embedDocuments`. */
  readonly index: number;
  /** Index of every text of the failed request in the list passed to `embedDocuments`, in order. */
  readonly indexes: readonly number[];
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
    const facts = awsErrorFacts(details.cause);
    const message = details.cause instanceof Error ? details.cause.message : String(details.cause);
    const where = describeTextIndexes(details.indexes);
    super('ERR_EMBEDDINGS_REQUEST_FAILED', `Bedrock embedding request for ${where} (model ${details.modelId}) failed: ${describeAwsError(facts, message)}`, {
      field: where,
      cause: sanitizeAwsError(details.cause),
      aws: facts,
    });
    this.indexes = [...details.indexes];
    this.index = details.indexes[0] as number;
    this.count = details.indexes.length;
    this.modelId = details.modelId;
    this.awsErrorName = facts.name;
    this.requestId = facts.requestId;
    this.httpStatusCode = facts.httpStatusCode;
    this.attempts = facts.attempts;
    const { requestId, httpStatusCode, attempts } = facts;
    this.$metadata = requestId || httpStatusCode || attempts ? { httpStatusCode, requestId, attempts } : undefined;
  }

  /** Plain JSON without the `cause` object (which may hold SDK internals). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      field: this.field,
      index: this.index,
      indexes: this.indexes,
      count: this.count,
      modelId: this.modelId,
      awsErrorName: this.awsErrorName,
      requestId: this.requestId,
      httpStatusCode: this.httpStatusCode,
      attempts: this.attempts,
    };
  }
}
