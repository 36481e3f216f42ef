import { ComponentValidationError, sanitizeAwsError } from '@bedrock-flow/component';
import { ConverseApiError } from './converse-api-error';

/** Whether `error` is an abort (the caller's signal): those pass through unchanged so callers can recognise them. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}

/**
 * Wraps an error of a Converse call in a {@link ConverseApiError} (keeping the AWS error name, request id and HTTP
 * status). Aborts, validation errors and errors already wrapped pass through unchanged. The `cause` is a sanitised
 * copy of the SDK error (never its `$response`, whose request headers hold the session token).
 */
export function toConverseApiError(error: unknown): unknown {
  if (error instanceof ConverseApiError || error instanceof ComponentValidationError || isAbortError(error)) return error;
  if (!(error instanceof Error)) return new ConverseApiError(String(error), { awsErrorName: 'UnknownError' }, sanitizeAwsError(error));
  const sdk = error as Error & { $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }; code?: unknown };
  const nodeCode = typeof sdk.code === 'string' && sdk.name === 'Error' ? sdk.code : undefined;
  const details: ConstructorParameters<typeof ConverseApiError>[1] = { awsErrorName: nodeCode ?? sdk.name };
  if (sdk.$metadata?.requestId) details.requestId = sdk.$metadata.requestId;
  if (sdk.$metadata?.httpStatusCode) details.httpStatusCode = sdk.$metadata.httpStatusCode;
  if (sdk.$metadata?.attempts) details.attempts = sdk.$metadata.attempts;
  return new ConverseApiError(sdk.message, details, sanitizeAwsError(error));
}
