/** What went wrong while loading, ordering or running a flow. */
export type FlowErrorCode =
  | 'FLOW_INVALID_JSON'
  | 'FLOW_INVALID_SHAPE'
  | 'FLOW_DUPLICATE_NODE'
  | 'FLOW_UNKNOWN_NODE'
  | 'FLOW_UNKNOWN_TYPE'
  | 'FLOW_UNKNOWN_OUTPUT'
  | 'FLOW_CYCLE'
  | 'FLOW_NODE_FAILED';

/**
 * An error of the flow runner, with a `code`, the node or field it concerns and what is allowed.
 * Thrown before any network call for every problem found in the flow file itself.
 */
export class FlowError extends Error {
  override readonly name = 'FlowError';
  /** Machine-readable kind of the problem. */
  readonly code: FlowErrorCode;
  /** Node id (or `edges[i]`, `data.nodes[i]`) the problem concerns, when there is one. */
  readonly where: string | undefined;

  constructor(code: FlowErrorCode, message: string, where?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.where = where;
  }
}
