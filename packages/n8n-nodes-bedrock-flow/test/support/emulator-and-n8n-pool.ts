import { startEmulator, TEST_CREDENTIALS, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { closeN8nPool, configureN8nPool, type AwsCredentialData } from '../../src';

/**
 * Registers the file's `beforeAll` (a TLS emulator with `options`, and n8n's process pool trusting its certificate,
 * releasing a node's lease at once) and `afterAll` (the pool closed, then the emulator); hands the emulator to `onStarted`.
 */
export function useEmulatorAndN8nPool(onStarted: (emu: RunningEmulator) => void, options: EmulatorOptions = {}): void {
  let emu: RunningEmulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ tls: true, ...options });
    configureN8nPool({ defaults: { tls: { ca: emu.ca! } }, releaseGraceMs: 0 });
    onStarted(emu);
  });
  afterAll(async () => {
    await closeN8nPool();
    await emu?.close();
  });
}

/** An `aws` credential as n8n stores it: the emulator's test keys, in us-east-1, with the emulator as the Bedrock Runtime endpoint. */
export function emulatorAwsCredential(emu: RunningEmulator, overrides: Partial<AwsCredentialData> = {}): AwsCredentialData {
  return { region: 'us-east-1', accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey, customEndpoints: true, bedrockRuntimeEndpoint: emu.url, ...overrides };
}
