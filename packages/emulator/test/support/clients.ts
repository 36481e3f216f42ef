import https from 'node:https';
import http from 'node:http';
import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';

/** The SDK's default transport (NodeHttp2Handler, one connection per call), trusting the emulator CA. */
export function defaultClient(emu: RunningEmulator, extra: Partial<BedrockRuntimeClientConfig> = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: TEST_CREDENTIALS,
    ...(emu.ca ? { requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: true, nodeHttp2ConnectOptions: { ca: emu.ca } }) } : {}),
    ...extra,
  });
}

/** An HTTP/1.1 keep-alive client (NodeHttpHandler with a keep-alive agent). */
export function keepAliveClient(
  emu: RunningEmulator,
  extra: Partial<BedrockRuntimeClientConfig> = {},
  handlerOptions: { requestTimeout?: number; throwOnRequestTimeout?: boolean } = {},
): { client: BedrockRuntimeClient; destroy(): void } {
  const httpsAgent = new https.Agent({ keepAlive: true, ...(emu.ca ? { ca: emu.ca } : {}) });
  const httpAgent = new http.Agent({ keepAlive: true });
  const client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: TEST_CREDENTIALS,
    requestHandler: new NodeHttpHandler({ httpsAgent, httpAgent, ...handlerOptions }),
    ...extra,
  });
  return {
    client,
    destroy: () => {
      client.destroy();
      httpsAgent.destroy();
      httpAgent.destroy();
    },
  };
}

/** A user message for Converse. */
export function userMessage(text: string): { role: 'user'; content: Array<{ text: string }> } {
  return { role: 'user', content: [{ text }] };
}
