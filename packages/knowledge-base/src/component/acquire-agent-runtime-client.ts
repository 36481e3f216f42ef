import type { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import type { ClientConfig, NodeIdentity } from '@bedrock-flow/bedrock-pool';
import type { ComponentContext } from '@bedrock-flow/component';
import { KnowledgeBaseInitializationError } from '../errors/knowledge-base-initialization-error';

/** The lease a pool that serves every Bedrock service returns for `service: 'bedrock-agent-runtime'`. */
interface AgentRuntimeLease {
  client: BedrockAgentRuntimeClient;
  service?: string;
}

/** `BedrockPool.acquire` with its service option (bedrock-pool leases any Bedrock service client). */
type ServicePool = { acquire(identity: NodeIdentity, config: ClientConfig, options: { service: 'bedrock-agent-runtime' }): AgentRuntimeLease };

/**
 * This node's warm `BedrockAgentRuntimeClient` from the host's pool: one lease per (node, service), so the node's
 * agent-runtime slot is its own, beside any Bedrock Runtime slot of the same flow. A pool that ignores the service
 * option (it would hand back a Bedrock Runtime client) is refused with {@link KnowledgeBaseInitializationError} rather
 * than sending Retrieve to the wrong service.
 */
export function acquireAgentRuntimeClient(ctx: ComponentContext, config: ClientConfig): BedrockAgentRuntimeClient {
  const pool = ctx.pool as unknown as ServicePool;
  const lease = pool.acquire({ graphId: ctx.graphId, nodeId: ctx.nodeId }, config, { service: 'bedrock-agent-runtime' });
  if (lease.service !== 'bedrock-agent-runtime') {
    throw new KnowledgeBaseInitializationError("the host's pool does not lease bedrock-agent-runtime clients (it needs @bedrock-flow/bedrock-pool with service leases)");
  }
  return lease.client;
}
