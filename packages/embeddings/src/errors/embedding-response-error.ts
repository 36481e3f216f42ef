/**
 * Thrown when Bedrock answered 200 but the body is not what the model family returns (not JSON,
 * no vectors, wrong count or dimension). Carries the index of the first text of that request.
 */
export class EmbeddingResponseError extends Error {
  /** Always `ERR_EMBEDDINGS_RESPONSE_INVALID`. */
  readonly code = 'ERR_EMBEDDINGS_RESPONSE_INVALID' as const;
  /** Index of the first text of the request whose response was invalid. */
  readonly index: number;
  /** Model id as sent. */
  readonly modelId: string;
  /** `x-amzn-requestid` of the response. */
  readonly requestId: string | undefined;

  constructor(modelId: string, index: number, problem: string, requestId?: string) {
    super(
      `Bedrock embedding response for texts[${index}] (model ${modelId}) is invalid: ${problem}` +
        (requestId ? ` (request id ${requestId})` : ''),
    );
    this.name = 'EmbeddingResponseError';
    this.index = index;
    this.modelId = modelId;
    this.requestId = requestId;
  }
}
