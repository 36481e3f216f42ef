import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { keepAliveClient } from './clients';

/** Starts one emulator and one keep-alive client for a describe block, closed in afterAll. */
export function useEmulator(options: EmulatorOptions = {}): { emu: () => RunningEmulator; client: () => BedrockRuntimeClient } {
  let emu: RunningEmulator | undefined;
  let handle: ReturnType<typeof keepAliveClient> | undefined;
  beforeAll(async () => {
    emu = await startEmulator(options);
    handle = keepAliveClient(emu);
  });
  afterAll(async () => {
    handle?.destroy();
    await emu?.close();
  });
  return {
    emu: () => {
      if (!emu) throw new Error('emulator not started');
      return emu;
    },
    client: () => {
      if (!handle) throw new Error('client not started');
      return handle.client;
    },
  };
}

/** Encodes a JSON body for InvokeModel. */
export function jsonBody(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** Decodes an InvokeModel JSON body. */
export function parseBody(body: Uint8Array | undefined): any {
  return JSON.parse(new TextDecoder().decode(body));
}
