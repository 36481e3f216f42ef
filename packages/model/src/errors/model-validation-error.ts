import { BedrockFlowError, type BedrockFlowErrorCode } from '@bedrock-flow/bedrock-pool';

/**
 * A bad input to the InvokeModel chat model or the component, raised before any network call.
 * `code` is stable for programs; `field` names the input; the message says what was wrong and what is allowed.
 */
export class ModelValidationError extends BedrockFlowError {
  /** The input the error concerns, e.g. `model`, `modelKwargs`, `tools`. */
  declare readonly field: string;

  /** `code`, e.g. `ERR_MODEL_UNKNOWN_FAMILY`, `ERR_MODEL_TOOLS_NOT_SUPPORTED`, `ERR_MODEL_INVALID_KWARGS`. */
  constructor(code: BedrockFlowErrorCode, field: string, message: string) {
    super(code, message, { field });
  }
}
