import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowError } from '../src/flow/flow-error';
import { graphOrder } from '../src/flow/graph-order';
import { parseFlow } from '../src/flow/parse-flow';

const flowsDir = join(__dirname, '..', '..', 'flows');
const read = (name: string): string => readFileSync(join(flowsDir, name), 'utf8');

function node(id: string, type = id.split('-')[0] as string) {
  return { id, data: { type, node: { template: {} } } };
}
function edge(source: string, target: string, name = 'out', fieldName = 'in') {
  return { source, target, data: { sourceHandle: { id: source, name }, targetHandle: { id: target, fieldName } } };
}
function expectFlowError(fn: () => unknown, code: string): FlowError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FlowError);
    expect((error as FlowError).code).toBe(code);
    return error as FlowError;
  }
  throw new Error(`expected a FlowError ${code}`);
}

describe('parseFlow on the example flows', () => {
  it('reads chat.json: ids, types, template values and œ-encoded handles', () => {
    const flow = parseFlow(read('chat.json'));
    expect(flow.id).toBe('c6f1e2d0-5a4b-4c1e-9f3a-2b7d1e0c4a01');
    expect(flow.nodes.map((n) => n.type)).toEqual(['ChatInput', 'AmazonBedrockConverseModel', 'ChatOutput']);
    const converse = flow.nodes[1]!;
    expect(converse.id).toBe('AmazonBedrockConverseModel-AbC12');
    expect(converse.values['system_message']).toMatch(/concise assistant/);
    // Langflow's load_from_db secret defaults stay variable references, never values.
    expect(converse.values['aws_access_key_id']).toEqual({ value: 'AWS_ACCESS_KEY_ID', load_from_db: true });
    expect(converse.values['_type']).toBeUndefined();
    expect(flow.edges).toEqual([
      { source: 'ChatInput-Qx7Lm', sourceOutput: 'message', target: 'AmazonBedrockConverseModel-AbC12', targetField: 'input_value' },
      { source: 'AmazonBedrockConverseModel-AbC12', sourceOutput: 'text_output', target: 'ChatOutput-Vb3Np', targetField: 'input_value' },
    ]);
  });

  it('reads the handles from the œ-encoded strings when edge.data is missing', () => {
    const raw = JSON.parse(read('chat.json'));
    for (const e of raw.data.edges) delete e.data;
    expect(parseFlow(raw).edges.map((e) => `${e.sourceOutput}->${e.targetField}`)).toEqual(['message->input_value', 'text_output->input_value']);
  });

  it('orders retrieval.json so every node comes after the nodes feeding it', () => {
    const flow = parseFlow(read('retrieval.json'));
    const order = graphOrder(flow).map((n) => n.id);
    expect(order).toHaveLength(6);
    for (const e of flow.edges) expect(order.indexOf(e.source)).toBeLessThan(order.indexOf(e.target));
    expect(order.at(-1)).toBe('ChatOutput-Ou9Jk');
  });
});

describe('parseFlow rejects bad flows with a code and where', () => {
  it('not JSON', () => {
    expectFlowError(() => parseFlow('{nope'), 'FLOW_INVALID_JSON');
  });
  it('no data.nodes', () => {
    expect(expectFlowError(() => parseFlow({ nodes: [] }), 'FLOW_INVALID_SHAPE').where).toBe('data');
  });
  it('a node without a type', () => {
    expect(expectFlowError(() => parseFlow({ data: { nodes: [{ id: 'x', data: {} }], edges: [] } }), 'FLOW_INVALID_SHAPE').where).toBe('data.nodes[0]');
  });
  it('duplicate node ids', () => {
    expectFlowError(() => parseFlow({ data: { nodes: [node('A-1'), node('A-1')], edges: [] } }), 'FLOW_DUPLICATE_NODE');
  });
  it('an edge to a missing node', () => {
    expect(expectFlowError(() => parseFlow({ data: { nodes: [node('A-1')], edges: [edge('A-1', 'B-2')] } }), 'FLOW_UNKNOWN_NODE').message).toMatch(/B-2/);
  });
  it('an edge without a target field', () => {
    const bad = { source: 'A-1', target: 'B-2', data: { sourceHandle: { id: 'A-1', name: 'out' } } };
    expectFlowError(() => parseFlow({ data: { nodes: [node('A-1'), node('B-2')], edges: [bad] } }), 'FLOW_INVALID_SHAPE');
  });
});

describe('graphOrder', () => {
  it('keeps file order among independent nodes', () => {
    const flow = parseFlow({ data: { nodes: [node('C-3'), node('A-1'), node('B-2')], edges: [edge('B-2', 'C-3')] } });
    expect(graphOrder(flow).map((n) => n.id)).toEqual(['A-1', 'B-2', 'C-3']);
  });
  it('names the nodes of a cycle', () => {
    const flow = parseFlow({ data: { nodes: [node('A-1'), node('B-2'), node('C-3')], edges: [edge('A-1', 'B-2'), edge('B-2', 'C-3'), edge('C-3', 'B-2')] } });
    const error = expectFlowError(() => graphOrder(flow), 'FLOW_CYCLE');
    expect(error.message).toContain('B-2, C-3');
    expect(error.message).not.toContain('A-1');
  });
});
