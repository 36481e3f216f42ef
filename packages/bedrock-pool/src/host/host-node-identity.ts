import type { NodeIdentity } from '../config/client-config';

/**
 * The pool identity of a host's node: the id of the graph it belongs to (a Node-RED flow tab, an n8n workflow, a
 * Langflow flow) and its node id, both stable across runs and redeploys, so every run leases the same warm client.
 * A node with no graph id (a never-saved n8n workflow, a Node-RED global config node) gets `fallbackGraphId`.
 */
export function hostNodeIdentity(graphId: string | number | undefined | null, nodeId: string, fallbackGraphId: string): NodeIdentity {
  const graph = graphId === undefined || graphId === null || graphId === '' ? fallbackGraphId : String(graphId);
  return { graphId: graph, nodeId };
}
