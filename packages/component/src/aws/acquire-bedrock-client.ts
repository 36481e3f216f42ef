import type { ClientLease } from '@bedrock-flow/bedrock-pool';
import type { ComponentContext } from '../definition/component-context';
import type { AwsConnectionValues } from './aws-connection-values';
import { toClientConfig, type ToClientConfigOptions } from './to-client-config';

/**
 * Leases this node's warm client from the pool: `ctx.pool.acquire({ graphId, nodeId }, toClientConfig(values, ctx))`.
 * Synchronous and cheap; calling it again with the same inputs returns the same client.
 */
export function acquireBedrockClient(ctx: ComponentContext, values: AwsConnectionValues, options: ToClientConfigOptions = {}): ClientLease {
  const config = toClientConfig(values, ctx, options);
  return ctx.pool.acquire({ graphId: ctx.graphId, nodeId: ctx.nodeId }, config);
}
