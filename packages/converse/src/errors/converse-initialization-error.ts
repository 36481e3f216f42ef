import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';
import { INITIALIZATION_ERROR_PREFIX } from './error-prefixes';

/** Error code of {@link ConverseInitializationError}. */
export const CONVERSE_INITIALIZATION_ERROR_CODE = 'ERR_CONVERSE_INITIALIZATION_FAILED';

/**
 * `build_model` could not create the chat model (the pool refused the config, the pool is closed, the constructor
 * threw). Message: `Could not initialize ChatBedrockConverse: <reason>`; the original error is `cause`.
 */
export class ConverseInitializationError extends BedrockFlowError {
  declare readonly code: typeof CONVERSE_INITIALIZATION_ERROR_CODE;

  constructor(reason: string, cause?: unknown) {
    super(CONVERSE_INITIALIZATION_ERROR_CODE, `${INITIALIZATION_ERROR_PREFIX}${reason}`, { cause });
  }
}
