import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentPool } from '@bedrock-flow/component';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { createBedrockRegistry } from '../src/components/bedrock-registry';
import { LOCAL_COMPONENTS } from '../src/components/local-components';
import { FlowError } from '../src/flow/flow-error';
import { parseFlow } from '../src/flow/parse-flow';
import { FlowHost } from '../src/host/flow-host';
import type { PoolLifecycle } from '../src/host/pool-lifecycle';
import { startFlowRunnerStack, type FlowRunnerStack } from './support/flow-runner-stack';

const chatJson = readFileSync(join(__dirname, '..', '..', 'flows', 'chat.json'), 'utf8');

describe('FlowHost runs chat.json on a BedrockPool against the emulator', () => {
  let stack: FlowRunnerStack;
  beforeAll(async () => {
    stack = await startFlowRunnerStack();
  });
  afterAll(() => stack.close());

  it('answers through Converse with the system message, on one connection across rebuilds, and releases on dispose', async () => {
    const { emulator, pool, variables } = stack;
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, lifecycle: pool, variables, env: false });
    const tweaks = { AmazonBedrockConverseModel: { endpoint_url: emulator.url } };
    for (let run = 0; run < 3; run += 1) {
      // Rebuilt from JSON every run, as a flow builder does.
      const result = await host.run(parseFlow(chatJson), { tweaks });
      expect(result.text).toBe('Echo: What does a warm client save on each run?');
      expect(result.order).toEqual(['ChatInput-Qx7Lm', 'AmazonBedrockConverseModel-AbC12', 'ChatOutput-Vb3Np']);
    }
    const request = emulator.requests().at(-1);
    expect(request?.operation).toBe('Converse');
    expect(request?.modelId).toBe('anthropic.claude-3-5-sonnet-20241022-v2:0');
    expect(JSON.stringify((request?.body as { system?: unknown }).system)).toContain('concise assistant');
    const stats = emulator.stats();
    expect(stats.requests.byOperation['Converse']).toBe(3);
    expect(stats.tls.handshakes).toBe(1);
    expect(stats.auth.byAccessKeyId[TEST_CREDENTIALS.accessKeyId]).toBe(3);
    expect(pool.metrics().leases).toBe(1);
    host.dispose('c6f1e2d0-5a4b-4c1e-9f3a-2b7d1e0c4a01');
    expect(pool.metrics().leases).toBe(0);
  });
});

describe('graphBuildStarted re-warms a slot whose connection the server closed', () => {
  let stack: FlowRunnerStack;
  beforeAll(async () => {
    stack = await startFlowRunnerStack({ emulator: { faults: { idleCloseMs: 100 } } });
  });
  afterAll(() => stack.close());

  it('opens the new connection with a warm-up ping during the build, and the model call reuses it', async () => {
    const { emulator, pool, variables } = stack;
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, lifecycle: pool, variables, env: false });
    const tweaks = { AmazonBedrockConverseModel: { endpoint_url: emulator.url } };
    await host.run(parseFlow(chatJson), { tweaks });
    // Wait until the emulator has closed the idle connection and the pool has seen it go.
    for (let i = 0; i < 100 && (emulator.stats().connections.open > 0 || pool.metrics().totals.connectionsOpen > 0); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(pool.metrics().totals.connectionsOpen).toBe(0);
    const result = await host.run(parseFlow(chatJson), { tweaks });
    expect(result.text).toBe('Echo: What does a warm client save on each run?');
    const totals = pool.metrics().totals;
    // Two warm-up pings: the first build's acquire of the new slot, then graphBuildStarted re-warming the closed one.
    expect(totals).toMatchObject({ warmUpRequests: 2, connectionsOpened: 2, tlsHandshakes: 2, credentialResolutions: 1, operations: 2 });
    expect(emulator.stats().connections.requestsPerConnection).toEqual([2, 2]);
  });
});

describe('FlowHost lifecycle and errors (no network)', () => {
  const unusedPool: ComponentPool = {
    acquire: () => {
      throw new Error('no client should be needed');
    },
  };
  const localFlow = (outputs: string[]) => ({
    id: 'g1',
    data: {
      nodes: [
        { id: 'ChatInput-1', data: { type: 'ChatInput', node: { template: { input_value: { value: 'hi' } } } } },
        ...outputs.map((id) => ({ id, data: { type: 'ChatOutput', node: { template: {} } } })),
      ],
      edges: outputs.map((id) => ({ source: 'ChatInput-1', target: id, data: { sourceHandle: { id: 'ChatInput-1', name: 'message' }, targetHandle: { id, fieldName: 'input_value' } } })),
    },
  });

  it('calls build started / node removed / build finished / graph disposed in order', async () => {
    const calls: string[] = [];
    const lifecycle: PoolLifecycle = {
      graphBuildStarted: (e) => calls.push(`started ${e.graphId} ${e.nodeIds.join(',')}`),
      graphBuildFinished: (e) => calls.push(`finished ${e.graphId} ${e.nodeIds.join(',')}`),
      nodeRemoved: (e) => calls.push(`removed ${e.nodeId}`),
      graphDisposed: (id) => calls.push(`disposed ${id}`),
    };
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool: unusedPool, lifecycle });
    expect((await host.run(parseFlow(localFlow(['ChatOutput-1', 'ChatOutput-2'])))).text).toBe('hi');
    await host.run(parseFlow(localFlow(['ChatOutput-1'])));
    host.dispose('g1');
    expect(calls).toEqual([
      'started g1 ChatInput-1,ChatOutput-1,ChatOutput-2',
      'finished g1 ChatInput-1,ChatOutput-1,ChatOutput-2',
      'removed ChatOutput-2',
      'started g1 ChatInput-1,ChatOutput-1',
      'finished g1 ChatInput-1,ChatOutput-1',
      'disposed g1',
    ]);
  });

  it('rejects unknown types and outputs before telling the pool anything', async () => {
    const calls: string[] = [];
    const lifecycle = { graphBuildStarted: () => calls.push('started'), graphBuildFinished: () => calls.push('finished'), nodeRemoved: () => undefined, graphDisposed: () => undefined };
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool: unusedPool, lifecycle });
    const unknownType = localFlow(['ChatOutput-1']);
    (unknownType.data.nodes[1] as { data: { type: string } }).data.type = 'OpenAIModel';
    await expect(host.run(parseFlow(unknownType))).rejects.toMatchObject({ code: 'FLOW_UNKNOWN_TYPE', where: 'ChatOutput-1', message: expect.stringContaining('AmazonBedrockConverseModel') });
    const unknownOutput = localFlow(['ChatOutput-1']);
    unknownOutput.data.edges[0]!.data.sourceHandle.name = 'text_output';
    await expect(host.run(parseFlow(unknownOutput))).rejects.toMatchObject({ code: 'FLOW_UNKNOWN_OUTPUT', message: expect.stringContaining('outputs: message') });
    expect(calls).toEqual([]);
  });

  it('wraps a component validation error with the node id, before any client is leased', async () => {
    const flow = parseFlow(chatJson);
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool: unusedPool, env: false });
    const error = await host.run(flow, { tweaks: { 'AmazonBedrockConverseModel-AbC12': { region_name: 'mars-central' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowError);
    expect(error).toMatchObject({ code: 'FLOW_NODE_FAILED', where: 'AmazonBedrockConverseModel-AbC12' });
    expect((error as FlowError).message).toMatch(/region_name/);
  });
});
