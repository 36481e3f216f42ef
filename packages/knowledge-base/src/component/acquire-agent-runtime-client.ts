import type { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import type { ClientConfig } from '@bedrock-flow/bedrock-pool';
import type { ComponentContext } from '@bedrock-flow/component';
import { KnowledgeBaseInitializationError } from '../errors/knowledge-base-initialization-error';

/**
 * This node's warm `BedrockAgentRuntimeClient` from the host's pool: one lease per (node, service), so the node's
 * agent-runtime slot is its own, beside any Bedrock Runtime slot of the same flow. A pool that ignores the service
 * option (it would hand back a Bedrock Runtime client) is refused with {@link KnowledgeBaseInitializationError} rather
 * than sending Retrieve to the wrong service.
 */
export function acquireAgentRuntimeClient(ctx: ComponentContext, config: ClientConfig): BedrockAgentRuntimeClient {
  const lease = ctx.pool.acquire({ graphId: ctx.graphId, nodeId: ctx.nodeId }, config, { service: 'bedrock-agent-runtime' });
  // Typed by service, but a host's own pool may still ignore the option at run time.
  if ((lease.service as string) !== 'bedrock-agent-runtime') {
    throw new KnowledgeBaseInitializationError("the host's pool does not lease bedrock-agent-runtime clients (it needs @bedrock-flow/bedrock-pool with service leases)");
  }
  return lease.client;
}
