import https from 'node:https';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';

/** A client on a keep-alive HTTPS agent trusting the emulator's certificate (as the brief prescribes). */
export function emulatorClient(emu: RunningEmulator): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ keepAlive: true, ca: emu.ca }) }),
  });
}

/** Poll `condition` (bounded by a count, not a clock) until it holds. */
export async function eventually(condition: () => boolean, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
