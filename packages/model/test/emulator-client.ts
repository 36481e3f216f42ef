import https from 'node:https';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';

const agents = new WeakMap<BedrockRuntimeClient, https.Agent>();

/** A client on a keep-alive HTTPS agent trusting the emulator's certificate (as the brief prescribes). */
export function emulatorClient(emu: RunningEmulator): BedrockRuntimeClient {
  const httpsAgent = new https.Agent({ keepAlive: true, ca: emu.ca });
  const client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpsAgent }),
  });
  agents.set(client, httpsAgent);
  return client;
}

/** Idle keep-alive sockets of an {@link emulatorClient}'s agent: a drained response has given its socket back. */
export function freeSocketsOf(client: BedrockRuntimeClient): number {
  return Object.values(agents.get(client)?.freeSockets ?? {}).reduce((sum, sockets) => sum + (sockets?.length ?? 0), 0);
}

/** Poll `condition` (bounded by a count, not a clock) until it holds. */
export async function eventually(condition: () => boolean, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
