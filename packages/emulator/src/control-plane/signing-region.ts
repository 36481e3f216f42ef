import { parseAuthorization } from '../auth/parse-authorization';

/**
 * The region a request was signed for (its SigV4 credential scope): the emulator answers the control plane and
 * checks profiles for that region. A bearer-token or unsigned request names none: `us-east-1`, the SDK's usual.
 */
export function signingRegionOf(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers['authorization'];
  const authorization = Array.isArray(raw) ? raw[0] : raw;
  return (authorization && parseAuthorization(authorization)?.region) || 'us-east-1';
}
