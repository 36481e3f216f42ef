/**
 * A bad input to the InvokeModel chat model or the component, raised before any network call.
 * `code` is stable for programs; `field` names the input; the message says what was wrong and what is allowed.
 */
export class ModelValidationError extends Error {
  /** Stable error code, e.g. `ERR_MODEL_UNKNOWN_FAMILY`, `ERR_MODEL_TOOLS_NOT_SUPPORTED`, `ERR_MODEL_INVALID_KWARGS`. */
  readonly code: string;
  /** The input the error concerns, e.g. `model`, `modelKwargs`, `tools`. */
  readonly field: string;

  constructor(code: string, field: string, message: string) {
    super(message);
    this.name = 'ModelValidationError';
    this.code = code;
    this.field = field;
  }
}
