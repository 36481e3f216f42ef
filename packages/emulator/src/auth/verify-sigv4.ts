import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { BedrockError } from '../errors/bedrock-error';
import type { EmulatorCredentials } from '../types';
import { parseAmzDate, parseAuthorization } from './parse-authorization';

/** Allowed difference between the request's `x-amz-date` and the emulator's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** What the verifier needs from a request. */
export interface SignedRequestView {
  method: string;
  /** Raw request target (path and query, still percent-encoded). */
  rawUrl: string;
  /** Lower-case header names; HTTP/2 pseudo-headers included. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function header(headers: SignedRequestView['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function denied(code: 'UnrecognizedClientException' | 'InvalidSignatureException' | 'AccessDeniedException', message: string): BedrockError {
  return new BedrockError(code, 403, message);
}

function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * Verifies a SigV4-signed request by re-signing it with `@smithy/signature-v4` over exactly the
 * signed headers and the body hashed here, then comparing signatures in constant time.
 * Resolves with the access key id; rejects with a 403 {@link BedrockError}.
 */
export async function verifySigV4(
  request: SignedRequestView,
  credentials: readonly EmulatorCredentials[],
  now: Date = new Date(),
): Promise<string> {
  const authorization = header(request.headers, 'authorization');
  if (!authorization) throw denied('AccessDeniedException', 'Missing Authentication Token');
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw denied('InvalidSignatureException', 'Authorization header requires AWS4-HMAC-SHA256 with Credential, SignedHeaders and Signature.');
  const credential = credentials.find((c) => c.accessKeyId === parsed.accessKeyId);
  if (!credential) throw denied('UnrecognizedClientException', 'The security token included in the request is invalid.');

  const amzDate = header(request.headers, 'x-amz-date');
  const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!signingDate || !parsed.signedHeaders.includes('x-amz-date')) {
    throw denied('InvalidSignatureException', 'The request must carry a signed x-amz-date header (YYYYMMDDTHHMMSSZ).');
  }
  if (amzDate?.slice(0, 8) !== parsed.scopeDate) {
    throw denied('InvalidSignatureException', `Credential scope date ${parsed.scopeDate} does not match x-amz-date ${amzDate}.`);
  }
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw denied('InvalidSignatureException', `Signature expired: ${amzDate} is more than 5 minutes away from the server time.`);
  }
  if (parsed.service !== 'bedrock') {
    throw denied('InvalidSignatureException', `Credential should be scoped to correct service: 'bedrock', not '${parsed.service}'.`);
  }
  const token = header(request.headers, 'x-amz-security-token');
  if (credential.sessionToken !== undefined && token !== credential.sessionToken) {
    throw denied('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }

  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  const claimedHash = header(request.headers, 'x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== 'UNSIGNED-PAYLOAD' && claimedHash !== bodyHash) {
    throw denied('InvalidSignatureException', 'The provided x-amz-content-sha256 header does not match what was computed.');
  }

  // Rebuild the request from the signed headers only; a signed x-amz-content-sha256 was checked against our own body hash above.
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    let value = header(request.headers, name);
    if (value === undefined && name === 'host') value = header(request.headers, ':authority');
    if (value === undefined && name === ':authority') value = header(request.headers, 'host');
    if (value === undefined) throw denied('InvalidSignatureException', `Signed header ${name} is missing from the request.`);
    headers[name] = value;
  }
  const [path = '/', query = ''] = request.rawUrl.split('?');
  const toSign = new HttpRequest({ method: request.method, path, query: parseQuery(query), headers, body: request.body });
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      ...(credential.sessionToken === undefined ? {} : { sessionToken: credential.sessionToken }),
    },
    region: parsed.region,
    service: 'bedrock',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
    uriEscapePath: true,
  });
  const signed = await signer.sign(toSign, {
    signingDate,
    signableHeaders: new Set(parsed.signedHeaders),
    signingRegion: parsed.region,
    signingService: 'bedrock',
  });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(parsed.signature, 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw denied(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  return credential.accessKeyId;
}
