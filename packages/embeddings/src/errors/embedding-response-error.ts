import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';
import { describeTextIndexes } from './describe-text-indexes';

/**
 * Thrown when Bedrock answered 200 but the body is not what the model family returns (not JSON,
 * no vectors, wrong count or dimension). Names the caller's texts of that request.
 */
export class EmbeddingResponseError extends BedrockFlowError {
  declare readonly code: 'ERR_EMBEDDINGS_RESPONSE_INVALID';
  /** Index of the first text of the request whose response was invalid. */
  readonly index: number;
  /** Index of every text of that request in the caller's list, in order. */
  readonly indexes: readonly number[];
  /** Model id as sent. */
  readonly modelId: string;
  /** `x-amzn-requestid` of the response. */
  readonly requestId: string | undefined;

  constructor(modelId: string, indexes: readonly number[], problem: string, requestId?: string) {
    super(
      'ERR_EMBEDDINGS_RESPONSE_INVALID',
      `Bedrock embedding response for ${describeTextIndexes(indexes)} (model ${modelId}) is invalid: ${problem}` +
        (requestId ? ` (request id ${requestId})` : ''),
    );
    this.index = indexes[0] as number;
    this.indexes = [...indexes];
    this.modelId = modelId;
    this.requestId = requestId;
  }
}
