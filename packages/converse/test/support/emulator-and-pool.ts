import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';

/** A TLS emulator and a pool trusting its CA. */
export interface EmulatorAndPool {
  emu: RunningEmulator;
  pool: BedrockPool;
}

/**
 * Registers the suite's `beforeAll` (starts a TLS emulator and a pool trusting it and allowing its endpoint, then hands both to `onStarted`)
 * and `afterAll` (closes the pool, then the emulator).
 */
export function useEmulatorAndPool(onStarted: (started: EmulatorAndPool) => void): void {
  let started: Partial<EmulatorAndPool> = {};
  beforeAll(async () => {
    const emu = await startEmulator({ tls: true });
    // The operator allows the emulator for host credentials (variables, profiles, the environment).
    started = { emu, pool: new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] }, defaults: { tls: { ca: emu.ca! } } }) };
    onStarted(started as EmulatorAndPool);
  });
  afterAll(async () => {
    await started.pool?.close();
    await started.emu?.close();
  });
}
