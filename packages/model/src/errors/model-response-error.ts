import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/**
 * A model response body the provider adapter could not read (not JSON, or not the family's shape).
 * Carries the model id and the AWS request id when known; never the request body.
 */
export class ModelResponseError extends BedrockFlowError {
  declare readonly code: 'ERR_MODEL_RESPONSE_UNREADABLE';
  /** Model id the response came from. */
  readonly modelId: string;
  /** AWS request id (`x-amzn-requestid`), when the SDK reported one. */
  readonly requestId: string | undefined;

  constructor(modelId: string, requestId: string | undefined, message: string) {
    super('ERR_MODEL_RESPONSE_UNREADABLE', `${message} (model ${modelId}${requestId ? `, request ${requestId}` : ''})`);
    this.modelId = modelId;
    this.requestId = requestId;
  }
}
