import type { IncomingHttpHeaders } from 'node:http';
import { validationError } from '../errors/bedrock-error';

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function acceptsJson(value: string | undefined): boolean {
  return value === undefined || value === '' || /(^|,)\s*(application\/json|application\/\*|\*\/\*)/i.test(value);
}

/** InvokeModel media types: the body must be JSON (or untyped octets), and JSON must be acceptable (`accept` header name given). */
export function checkMediaTypes(headers: IncomingHttpHeaders, acceptHeader: 'accept' | 'x-amzn-bedrock-accept'): void {
  const contentType = headerValue(headers, 'content-type');
  // The SDK sends application/octet-stream when the caller sets no contentType; Bedrock accepts it.
  if (contentType !== undefined && !/^(application\/(json|octet-stream)|\*\/\*)($|[;,\s])/i.test(contentType)) {
    throw validationError(`The provided Content-Type ${contentType} is not supported for this model; use application/json.`);
  }
  const accept = headerValue(headers, acceptHeader);
  if (!acceptsJson(accept)) throw validationError(`The provided Accept Type ${accept} is invalid or not supported for this model; use application/json.`);
}
