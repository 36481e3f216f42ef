import { FlowError } from './flow-error';
import type { FlowGraph, FlowNode } from './flow-graph';

/**
 * The order to build a flow's nodes in: every node after the nodes feeding it (Kahn's
 * algorithm; ties keep file order, so the order is deterministic). Throws `FLOW_CYCLE`
 * naming the nodes on cycles.
 */
export function graphOrder(graph: FlowGraph): FlowNode[] {
  const indegree = new Map(graph.nodes.map((node) => [node.id, 0]));
  const next = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
    next.get(edge.source)?.push(edge.target);
  }
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const ready = graph.nodes.filter((node) => indegree.get(node.id) === 0).map((node) => node.id);
  const order: FlowNode[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(byId.get(id) as FlowNode);
    for (const target of next.get(id) ?? []) {
      const left = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  if (order.length < graph.nodes.length) {
    const stuck = graph.nodes.filter((node) => (indegree.get(node.id) ?? 0) > 0).map((node) => node.id);
    throw new FlowError('FLOW_CYCLE', `The flow has a cycle through: ${stuck.join(', ')}. A flow must be a directed acyclic graph.`, stuck[0]);
  }
  return order;
}
