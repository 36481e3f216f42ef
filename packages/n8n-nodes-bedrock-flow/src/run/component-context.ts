import type { ComponentContext } from '@bedrock-flow/component';
import { n8nPool } from '../pool/n8n-pool';
import { nodeIdentity, type N8nNodeContext } from '../pool/node-identity';

/**
 * The component context of an n8n node: its pool identity (workflow id + node id), the process-wide pool, and no
 * variables (the credential's secrets arrive as the node's own values). `env: false`: nothing may fall back to n8n's own environment (its AWS
 * keys, profile or bearer token), so a node runs only on the credential its workflow names.
 */
export function componentContext(node: N8nNodeContext & { getExecutionCancelSignal?(): AbortSignal | undefined }): ComponentContext {
  const signal = node.getExecutionCancelSignal?.();
  return {
    ...nodeIdentity(node),
    pool: n8nPool(),
    variables: new Map(),
    env: false,
    ...(signal ? { signal } : {}),
  };
}
