import { FlowError } from './flow-error';
import type { FlowEdge, FlowGraph, FlowNode } from './flow-graph';
import type { LangflowEdgeJson, LangflowSourceHandle, LangflowTargetHandle } from './flow-json';

/**
 * Reads a flow saved in Langflow's JSON shape (`data.nodes[]`, `data.edges[]`) into a
 * {@link FlowGraph}. Checks the shape, node ids and that every edge names both ends and a
 * field; component types are checked later against the registry.
 * @param json the file's text or the parsed object
 * @param fallbackId graph id to use when the flow has no `id` (e.g. the file name)
 */
export function parseFlow(json: string | unknown, fallbackId = 'flow'): FlowGraph {
  const raw = typeof json === 'string' ? parseJson(json) : json;
  if (!isObject(raw) || !isObject(raw['data'])) {
    throw new FlowError('FLOW_INVALID_SHAPE', 'A flow must be an object with `data.nodes` and `data.edges` (Langflow export shape).', 'data');
  }
  const data = raw['data'];
  const nodesJson = data['nodes'];
  const edgesJson = data['edges'] ?? [];
  if (!Array.isArray(nodesJson) || !Array.isArray(edgesJson)) {
    throw new FlowError('FLOW_INVALID_SHAPE', '`data.nodes` and `data.edges` must be arrays.', 'data');
  }
  const nodes = nodesJson.map((node, index) => parseNode(node, index));
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.id)) throw new FlowError('FLOW_DUPLICATE_NODE', `Node id "${node.id}" appears twice; node ids must be unique.`, node.id);
    ids.add(node.id);
  }
  const edges = edgesJson.map((edge, index) => parseEdge(edge, index, ids));
  const id = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : fallbackId;
  const name = typeof raw['name'] === 'string' ? raw['name'] : id;
  return { id, name, nodes, edges };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FlowError('FLOW_INVALID_JSON', `The flow file is not valid JSON: ${(error as Error).message}`, undefined, { cause: error });
  }
}

function parseNode(node: unknown, index: number): FlowNode {
  const where = `data.nodes[${index}]`;
  const data = isObject(node) ? node['data'] : undefined;
  if (!isObject(node) || typeof node['id'] !== 'string' || node['id'] === '' || !isObject(data) || typeof data['type'] !== 'string') {
    throw new FlowError('FLOW_INVALID_SHAPE', `${where} must have a string \`id\` and \`data.type\` (the component name).`, where);
  }
  const template = isObject(data['node']) && isObject(data['node']['template']) ? data['node']['template'] : {};
  const values: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(template)) {
    // Langflow keeps `_type`, `code` and similar bookkeeping entries next to the fields.
    if (!isObject(spec) || !('value' in spec) || field.startsWith('_')) continue;
    // `load_from_db: true` means the value names a variable (Langflow's global variables / env), not the secret itself.
    values[field] = spec['load_from_db'] === true && typeof spec['value'] === 'string' ? { value: spec['value'], load_from_db: true } : spec['value'];
  }
  return { id: node['id'], type: data['type'], values };
}

function parseEdge(edge: unknown, index: number, ids: Set<string>): FlowEdge {
  const where = `data.edges[${index}]`;
  if (!isObject(edge) || typeof edge['source'] !== 'string' || typeof edge['target'] !== 'string') {
    throw new FlowError('FLOW_INVALID_SHAPE', `${where} must have string \`source\` and \`target\` node ids.`, where);
  }
  const e = edge as unknown as LangflowEdgeJson;
  for (const end of [e.source, e.target]) {
    if (!ids.has(end)) throw new FlowError('FLOW_UNKNOWN_NODE', `${where} refers to node "${end}", which is not in data.nodes.`, where);
  }
  const source = readHandle<LangflowSourceHandle>(e.data?.sourceHandle ?? e.sourceHandle);
  const target = readHandle<LangflowTargetHandle>(e.data?.targetHandle ?? e.targetHandle);
  if (typeof source?.name !== 'string' || typeof target?.fieldName !== 'string') {
    throw new FlowError(
      'FLOW_INVALID_SHAPE',
      `${where} must name the output (sourceHandle.name) and the input field (targetHandle.fieldName).`,
      where,
    );
  }
  return { source: e.source, sourceOutput: source.name, target: e.target, targetField: target.fieldName };
}

/** Langflow encodes handles as JSON with `œ` in place of `"` in the edge's top-level fields. */
function readHandle<T>(handle: unknown): Partial<T> | undefined {
  if (isObject(handle)) return handle as Partial<T>;
  if (typeof handle !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(handle.replaceAll('œ', '"'));
    return isObject(parsed) ? (parsed as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
