import { Agent } from 'node:https';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { BENCH_REGION } from './converse-request';
import { CountingCredentials } from './counting-credentials';
import type { BuildRequest, BuiltNode, RowDriver } from './row-driver';
import { sdkNode } from './sdk-node';

/**
 * Row `seed`: the per-instance cache. Each graph build creates a keep-alive client (`NodeHttpHandler` + its own
 * keep-alive `https.Agent`, 50 sockets) and the end of the run destroys it, so calls within a run share a socket
 * but every run starts cold.
 */
export function seedDriver(endpoint: string, ca: string, maxSockets: number): RowDriver {
  const credentials = new CountingCredentials();
  return {
    row: 'seed',
    async build(request: BuildRequest): Promise<BuiltNode> {
      const agent = new Agent({ keepAlive: true, maxSockets, ca });
      const client = new BedrockRuntimeClient({
        region: BENCH_REGION,
        endpoint,
        credentials: credentials.provide,
        requestHandler: new NodeHttpHandler({ httpsAgent: agent }),
      });
      await request.restOfBuild?.();
      return sdkNode(client, async () => {
        client.destroy();
        agent.destroy();
      });
    },
    credentialResolutions: () => credentials.resolutions,
    poolMetrics: () => undefined,
    warmUpFailures: () => 0,
    close: async () => undefined,
  };
}

/**
 * Row `sdkKeepAlive` (a reference): one keep-alive client for the whole scenario, no pool. What is left between it
 * and the limit is the SDK's own per-call cost; what is between it and bedrock-flow is the pool's.
 */
export function sdkKeepAliveDriver(endpoint: string, ca: string, maxSockets: number): RowDriver {
  const credentials = new CountingCredentials();
  const agent = new Agent({ keepAlive: true, maxSockets, ca });
  const client = new BedrockRuntimeClient({
    region: BENCH_REGION,
    endpoint,
    credentials: credentials.provide,
    requestHandler: new NodeHttpHandler({ httpsAgent: agent }),
  });
  const node = sdkNode(client, async () => undefined);
  return {
    row: 'sdkKeepAlive',
    async build(request: BuildRequest): Promise<BuiltNode> {
      await request.restOfBuild?.();
      return node;
    },
    credentialResolutions: () => credentials.resolutions,
    poolMetrics: () => undefined,
    warmUpFailures: () => 0,
    close: async () => {
      client.destroy();
      agent.destroy();
    },
  };
}
