import type { AnyResponse } from '../server/request-handler';
import type { BedrockError } from '../errors/bedrock-error';

/** Namespace suffix Bedrock puts after the error type in `x-amzn-errortype`. */
export const ERROR_TYPE_NAMESPACE = 'http://internal.amazon.com/coral/com.amazon.bedrock/';

/** Headers every response carries: a request id and a correct `Date` (the SDK corrects clock skew from it). */
export function baseHeaders(requestId: string): Record<string, string> {
  return { 'x-amzn-requestid': requestId, date: new Date().toUTCString() };
}

/** Writes a complete response with `body`. Does nothing when the response is already gone. */
export function writeBody(
  res: AnyResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
  headOnly = false,
): void {
  if (res.headersSent || res.destroyed) return;
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': String(buf.length) });
  if (headOnly) res.end();
  else res.end(buf);
}

/** Writes a JSON response. */
export function writeJson(res: AnyResponse, status: number, requestId: string, value: unknown, headOnly = false): void {
  writeBody(res, status, { ...baseHeaders(requestId), 'content-type': 'application/json' }, JSON.stringify(value), headOnly);
}

/** Writes a Bedrock error: status, `x-amzn-errortype`, JSON `{message}`. */
export function writeError(res: AnyResponse, requestId: string, error: BedrockError): void {
  writeBody(
    res,
    error.status,
    {
      ...baseHeaders(requestId),
      ...error.headers,
      'content-type': 'application/json',
      'x-amzn-errortype': `${error.code}:${ERROR_TYPE_NAMESPACE}`,
    },
    JSON.stringify({ message: error.message }),
  );
}
