import { createHash } from 'node:crypto';

/** A stable id: `prefix` + the first `length` base62-ish chars of sha256(seed). */
export function deterministicId(prefix: string, seed: string, length = 24): string {
  return prefix + createHash('sha256').update(seed).digest('base64url').replace(/[-_]/g, 'x').slice(0, length);
}
