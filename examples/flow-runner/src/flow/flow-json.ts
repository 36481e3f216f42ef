/**
 * The subset of Langflow's saved-flow JSON the runner reads. Everything else in the file
 * (positions, display metadata, viewport) is ignored, so flows exported from Langflow load as-is.
 */

/** One template field of a node: Langflow keeps the value next to the UI metadata. */
export interface LangflowTemplateField {
  value?: unknown;
  [key: string]: unknown;
}

/** A node as saved by Langflow: `data.type` is the component name, `data.node.template` the inputs. */
export interface LangflowNodeJson {
  id: string;
  data: {
    id?: string;
    type: string;
    node?: {
      display_name?: string;
      template?: Record<string, LangflowTemplateField | unknown>;
    };
  };
  [key: string]: unknown;
}

/** A handle as Langflow stores it in `edge.data` (and, encoded with `œ` for quotes, in `sourceHandle`/`targetHandle`). */
export interface LangflowSourceHandle {
  dataType?: string;
  id: string;
  name: string;
  output_types?: string[];
}

/** The target end of an edge: `fieldName` is the input the value flows into. */
export interface LangflowTargetHandle {
  fieldName: string;
  id: string;
  inputTypes?: string[];
  type?: string;
}

/** An edge as saved by Langflow. */
export interface LangflowEdgeJson {
  id?: string;
  source: string;
  target: string;
  sourceHandle?: string | LangflowSourceHandle;
  targetHandle?: string | LangflowTargetHandle;
  data?: { sourceHandle?: LangflowSourceHandle; targetHandle?: LangflowTargetHandle };
}

/** A saved flow: `id` and `name` at the top, the graph under `data`. */
export interface LangflowFlowJson {
  id?: string;
  name?: string;
  description?: string;
  data: { nodes: LangflowNodeJson[]; edges: LangflowEdgeJson[] };
}
