import { timingSafeEqual } from 'node:crypto';
import { BedrockError } from '../errors/bedrock-error';
import type { EmulatorCredentials } from '../types';
import { verifySigV4, type SignedRequestView } from './verify-sigv4';

/** Authentication settings of a running emulator. */
export interface AuthSettings {
  mode: 'sigv4' | 'none';
  credentials: readonly EmulatorCredentials[];
  bearerTokens: readonly string[];
}

/** Who a request was authenticated as: an access key id, `bearer`, or `anonymous` when auth is off. */
export type Principal = string;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Authenticates a request: `Bearer` tokens against `bearerTokens`, otherwise SigV4 against
 * `credentials`. With mode `none` every request passes (a signature, when present, is not checked).
 */
export async function authenticate(request: SignedRequestView, settings: AuthSettings): Promise<Principal> {
  if (settings.mode === 'none') return 'anonymous';
  const raw = request.headers['authorization'];
  const authorization = Array.isArray(raw) ? raw[0] : raw;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    if (settings.bearerTokens.some((t) => sameSecret(t, token))) return 'bearer';
    throw new BedrockError('UnrecognizedClientException', 403, 'The bearer token included in the request is invalid.');
  }
  return verifySigV4(request, settings.credentials);
}
