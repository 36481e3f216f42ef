import { hostNodeIdentity, type NodeIdentity } from '@bedrock-flow/bedrock-pool';

/** The part of n8n's execution context that names the running node. */
export interface N8nNodeContext {
  getWorkflow(): { id?: string | undefined };
  getNode(): { id: string; name: string };
}

/** Graph id used for a workflow that has no id yet (a manual run of a never-saved workflow). */
export const UNSAVED_WORKFLOW_ID = 'unsaved-workflow';

/**
 * The pool identity of an n8n node: workflow id + node id. Both are stable across executions of a saved workflow
 * (n8n keeps a node's id when it is edited or renamed), so every execution leases the same warm client, and an
 * edited node with a changed connection config swaps it.
 */
export function nodeIdentity(context: N8nNodeContext): NodeIdentity {
  return hostNodeIdentity(context.getWorkflow().id, context.getNode().id, UNSAVED_WORKFLOW_ID);
}
