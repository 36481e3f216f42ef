import https from 'node:https';
import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';

/**
 * A BedrockRuntimeClient on the emulator with a keep-alive `NodeHttpHandler` (as the pool builds
 * them). The caller destroys it.
 */
export function emulatorClient(
  emu: RunningEmulator,
  options: { handler?: NodeHttpHandlerOptions; client?: Partial<BedrockRuntimeClientConfig> } = {},
): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: TEST_CREDENTIALS,
    requestHandler: new NodeHttpHandler({
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 50, ca: emu.ca }),
      ...options.handler,
    }),
    ...options.client,
  });
}

/** Euclidean norm. */
export function norm(vector: readonly number[]): number {
  return Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
}

/** Resolves once `predicate()` holds, checking after each turn of the event loop (bounded by the jest timeout). */
export async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 5));
}
