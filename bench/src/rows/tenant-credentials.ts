import { createHmac } from 'node:crypto';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';

/** Most tenants a run uses: the fleet's emulators accept this many tenant key pairs (besides the test keys). */
export const MAX_BENCH_TENANTS = 10_000;

/**
 * Tenant `i`'s key pair, the same in the parent (which gives the emulators every pair) and in the worker (whose
 * flows sign with them): derived from the index, not random, so the two processes agree without passing 10,000
 * secrets over IPC. Bench-only keys for the loopback emulator.
 */
export function benchTenantCredentials(i: number): EmulatorCredentials {
  return {
    accessKeyId: `AKIABENCH${String(i).padStart(11, '0')}`,
    secretAccessKey: createHmac('sha256', 'bedrock-flow-bench-tenants').update(String(i)).digest('base64').slice(0, 40),
  };
}

/** Every tenant key pair a run may use, for the emulators. */
export function allBenchTenantCredentials(): EmulatorCredentials[] {
  return Array.from({ length: MAX_BENCH_TENANTS }, (_, i) => benchTenantCredentials(i));
}

/**
 * Per-tenant credential providers that count their calls (the SDK memoizes a provider per client, so the count is
 * what a `credential_process`, SSO or IMDS source would have paid), for the SDK rows.
 */
export class TenantCountingCredentials {
  /** Calls so far, over every tenant. */
  resolutions = 0;

  /** The provider for tenant `i`'s client. */
  providerFor(i: number): () => Promise<{ accessKeyId: string; secretAccessKey: string }> {
    const { accessKeyId, secretAccessKey } = benchTenantCredentials(i);
    return async () => {
      this.resolutions += 1;
      return { accessKeyId, secretAccessKey };
    };
  }
}
