import { randomBytes } from 'node:crypto';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';

/** `count` distinct random key pairs (one per tenant), shaped like AWS keys, to give to the emulator and the flows. */
export function tenantKeys(count: number): EmulatorCredentials[] {
  return Array.from({ length: count }, (_, i) => ({
    accessKeyId: `AKIATENANT${String(i).padStart(10, '0')}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  }));
}
