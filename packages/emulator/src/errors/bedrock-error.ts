/**
 * An error the emulator answers with, shaped like a Bedrock Runtime error: an HTTP status, the
 * error type sent in `x-amzn-errortype` (the SDK's `err.name`), and a message.
 */
export class BedrockError extends Error {
  /** Error type, e.g. `ValidationException`. */
  readonly code: string;
  /** HTTP status answered. */
  readonly status: number;
  /** Extra response headers (e.g. `retry-after`). */
  readonly headers: Record<string, string>;

  constructor(code: string, status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.headers = headers;
  }
}

/** 400 ValidationException with `message`. */
export function validationError(message: string): BedrockError {
  return new BedrockError('ValidationException', 400, message);
}
