/** Names LangGraph reserves for the graph's entry and exit. */
export const FLOW_START = '__start__';
export const FLOW_END = '__end__';

/** What a flow node does in the graph: `retriever` embeds the question and searches the corpus; `chat` answers. */
export type FlowNodeRole = 'retriever' | 'chat';

/** One node of a flow: a bedrock-flow component with its input values, and its role in the graph. */
export interface FlowNode {
  /** Node id; stable across requests, so it is the pool lease identity (with the flow id). */
  id: string;
  /** Component name, e.g. `AmazonBedrockEmbeddings` or `AmazonBedrockConverseModel`. */
  component: string;
  role: FlowNodeRole;
  /** Component input values (Langflow names), without the AWS connection, which the host adds. */
  values: Record<string, unknown>;
  /** Retriever only: how many documents to put in the context. Default `2`. */
  k?: number;
}

/** A small flow: nodes and the edges between them (`__start__` and `__end__` included). */
export interface FlowDefinition {
  /** Flow id: the pool's graph id. */
  id: string;
  nodes: FlowNode[];
  /** `[from, to]` pairs. */
  edges: Array<[string, string]>;
}

/** Error code of {@link FlowDefinitionError}. */
export const FLOW_DEFINITION_ERROR_CODE = 'FLOW_DEFINITION_INVALID';

/** A flow definition that cannot be compiled; says which field, what was wrong and what is allowed. */
export class FlowDefinitionError extends Error {
  readonly code = FLOW_DEFINITION_ERROR_CODE;
  readonly field: string;

  constructor(field: string, problem: string, allowed: string) {
    super(`Flow definition: ${field} ${problem}; allowed: ${allowed}`);
    this.name = 'FlowDefinitionError';
    this.field = field;
  }
}

/** Checks ids, roles and edges before any graph is built. Throws {@link FlowDefinitionError}. */
export function validateFlowDefinition(flow: FlowDefinition): FlowDefinition {
  if (!/^[A-Za-z0-9_.-]+$/.test(flow.id)) throw new FlowDefinitionError('id', `is ${JSON.stringify(flow.id)}`, 'letters, digits, _ . -');
  const ids = new Set<string>();
  for (const [index, node] of flow.nodes.entries()) {
    if (!/^[A-Za-z0-9_-]+$/.test(node.id) || node.id === FLOW_START || node.id === FLOW_END) {
      throw new FlowDefinitionError(`nodes[${index}].id`, `is ${JSON.stringify(node.id)}`, 'letters, digits, _ -, not __start__/__end__');
    }
    if (ids.has(node.id)) throw new FlowDefinitionError(`nodes[${index}].id`, `repeats "${node.id}"`, 'unique node ids');
    ids.add(node.id);
    if (node.role !== 'retriever' && node.role !== 'chat') throw new FlowDefinitionError(`nodes[${index}].role`, `is ${JSON.stringify(node.role)}`, '"retriever" or "chat"');
    if (node.k !== undefined && !(Number.isInteger(node.k) && node.k >= 1 && node.k <= 20)) {
      throw new FlowDefinitionError(`nodes[${index}].k`, `is ${String(node.k)}`, 'an integer from 1 to 20');
    }
  }
  for (const [index, [from, to]] of flow.edges.entries()) {
    if (from !== FLOW_START && !ids.has(from)) throw new FlowDefinitionError(`edges[${index}][0]`, `names unknown node "${from}"`, `__start__ or ${[...ids].join(', ')}`);
    if (to !== FLOW_END && !ids.has(to)) throw new FlowDefinitionError(`edges[${index}][1]`, `names unknown node "${to}"`, `__end__ or ${[...ids].join(', ')}`);
  }
  if (!flow.edges.some(([from]) => from === FLOW_START)) throw new FlowDefinitionError('edges', 'has no edge from __start__', 'at least one [__start__, node] edge');
  return flow;
}
