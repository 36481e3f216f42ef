/** A node of a loaded flow: its id, component type and the template values by field name. */
export interface FlowNode {
  /** Stable node id, e.g. `AmazonBedrockConverseModel-AbC12` (the pool's `nodeId`). */
  id: string;
  /** Component name, e.g. `AmazonBedrockConverseModel`. */
  type: string;
  /** `template.<field>.value` for every field that has one. */
  values: Record<string, unknown>;
}

/** An edge of a loaded flow: the output `sourceOutput` of `source` feeds the input `targetField` of `target`. */
export interface FlowEdge {
  source: string;
  sourceOutput: string;
  target: string;
  targetField: string;
}

/** A flow as the runner uses it: nodes in file order and edges, validated. */
export interface FlowGraph {
  /** Flow id (the pool's `graphId`); the file name when the JSON has none. */
  id: string;
  name: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}
