import { BedrockFlowError, type BedrockFlowErrorOptions } from './bedrock-flow-error';

/** Stable error codes thrown by `@bedrock-flow/bedrock-pool`. */
export type BedrockPoolErrorCode =
  | 'ERR_BEDROCK_POOL_INVALID_CONFIG'
  | 'ERR_BEDROCK_POOL_CREDENTIALS'
  | 'ERR_BEDROCK_POOL_CLOSED'
  | 'ERR_BEDROCK_POOL_WARM_UP'
  | 'ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED'
  | 'ERR_BEDROCK_POOL_MAY_HAVE_BEEN_BILLED';

/** Base class of every error the pool throws; `code` is stable, `message` is for people. */
export class BedrockPoolError extends BedrockFlowError {
  declare readonly code: BedrockPoolErrorCode;

  constructor(code: BedrockPoolErrorCode, message: string, options?: BedrockFlowErrorOptions) {
    super(code, message, options);
  }
}
