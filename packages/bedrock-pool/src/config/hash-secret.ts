import { createHmac, randomBytes } from 'node:crypto';

// A per-process random key: equal secrets hash equal within the process, and the hash is useless outside it.
const PROCESS_HMAC_KEY = randomBytes(32);

/** One-way, per-process HMAC-SHA256 of a secret (base64url, 128 bits), safe to use in keys and fingerprints. */
export function hashSecret(secret: string): string {
  return createHmac('sha256', PROCESS_HMAC_KEY).update(secret).digest('base64url').slice(0, 22);
}
