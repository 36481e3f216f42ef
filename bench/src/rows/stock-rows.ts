import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { BENCH_REGION } from './converse-request';
import { CountingCredentials } from './counting-credentials';
import type { BuildRequest, BuiltNode, RowDriver } from './row-driver';
import { sdkNode } from './sdk-node';

/**
 * A client exactly as a stock component builds it: region, endpoint, credentials, nothing else. The emulator's CA
 * reaches the SDK's default handler through `NODE_EXTRA_CA_CERTS`, set on the worker process at spawn, so the
 * handler (NodeHttp2Handler with `disableConcurrentStreams: true`) is the SDK's own, untouched.
 */
function stockClient(endpoint: string, credentials: CountingCredentials): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ region: BENCH_REGION, endpoint, credentials: credentials.provide });
}

const noop = async (): Promise<void> => undefined;

/** Row `stock`: a new default client per graph build, dropped with the run. */
export function stockDriver(endpoint: string): RowDriver {
  const credentials = new CountingCredentials();
  return {
    row: 'stock',
    async build(request: BuildRequest): Promise<BuiltNode> {
      const client = stockClient(endpoint, credentials);
      await request.restOfBuild?.();
      return sdkNode(client, async () => client.destroy());
    },
    credentialResolutions: () => credentials.resolutions,
    poolMetrics: () => undefined,
    warmUpFailures: () => 0,
    close: noop,
  };
}

/** Row `stockReused`: one default client for the whole scenario. */
export function stockReusedDriver(endpoint: string): RowDriver {
  const credentials = new CountingCredentials();
  const client = stockClient(endpoint, credentials);
  return {
    row: 'stockReused',
    async build(request: BuildRequest): Promise<BuiltNode> {
      await request.restOfBuild?.();
      return sdkNode(client, noop);
    },
    credentialResolutions: () => credentials.resolutions,
    poolMetrics: () => undefined,
    warmUpFailures: () => 0,
    close: async () => client.destroy(),
  };
}
