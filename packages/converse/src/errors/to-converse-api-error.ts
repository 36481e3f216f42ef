import { ComponentValidationError } from '@bedrock-flow/component';
import { ConverseApiError } from './converse-api-error';

/** Whether `error` is an abort (the caller's signal): those pass through unchanged so callers can recognise them. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}

/**
 * Wraps an error of a Converse call in a {@link ConverseApiError} (keeping the AWS error name, request id and HTTP
 * status). Aborts, validation errors and errors already wrapped pass through unchanged.
 */
export function toConverseApiError(error: unknown): unknown {
  if (error instanceof ConverseApiError || error instanceof ComponentValidationError || isAbortError(error)) return error;
  return new ConverseApiError(error);
}
