import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorKnowledgeBase, RunningEmulator } from '@bedrock-flow/emulator';
import { createBedrockRegistry } from '../src/components/bedrock-registry';
import { LOCAL_COMPONENTS } from '../src/components/local-components';
import { parseFlow } from '../src/flow/parse-flow';
import { FlowHost } from '../src/host/flow-host';
import { startFlowRunnerStack, type FlowRunnerStack } from './support/flow-runner-stack';

const flowJson = readFileSync(join(__dirname, '..', '..', 'flows', 'knowledge-base-retrieval.json'), 'utf8');
const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  {
    knowledgeBaseId: 'KBDOCS0001',
    documents: [
      { text: 'Cohere embed models accept up to 96 texts per call.', uri: 's3://handbook/cohere.md' },
      { text: 'A new connection pays a TLS handshake before the first request.', uri: 's3://handbook/tls.md' },
      { text: 'Guardrails block denied topics in prompts and answers.', uri: 's3://handbook/guardrails.md' },
    ],
  },
];

/**
 * The Knowledge Base flow (ChatInput -> AmazonBedrockKnowledgeBaseRetriever -> ParseData -> Prompt -> AmazonBedrockModel
 * -> ChatOutput), rebuilt from JSON on every run. Bedrock Runtime and Agents for Bedrock Runtime are two emulators here,
 * as they are two hosts at AWS, so each service's TLS handshakes are counted on its own.
 */
describe('FlowHost runs knowledge-base-retrieval.json on a BedrockPool', () => {
  let stack: FlowRunnerStack & { agentRuntime: RunningEmulator };
  beforeAll(async () => {
    stack = await startFlowRunnerStack({ agentRuntime: { knowledgeBases: KNOWLEDGE_BASES } });
  });
  afterAll(() => stack.close());

  it('answers from the retrieved chunks with their sources; 100 rebuild+retrieve runs cost 1 TLS handshake per service', async () => {
    const { emulator: runtime, agentRuntime, pool, variables } = stack;
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, lifecycle: pool, variables, env: false });
    const tweaks = { AmazonBedrockModel: { endpoint_url: runtime.url }, AmazonBedrockKnowledgeBaseRetriever: { endpoint_url: agentRuntime.url } };
    const first = await host.run(parseFlow(flowJson), { tweaks });
    expect(first.order).toEqual(['ChatInput-R4tQw', 'AmazonBedrockKnowledgeBaseRetriever-Kb3Rt', 'ParseData-Pd4Qe', 'Prompt-Pr5Tz', 'AmazonBedrockModel-Md6Hy', 'ChatOutput-Ou9Jk']);
    const results = first.outputs['AmazonBedrockKnowledgeBaseRetriever-Kb3Rt']!['search_results'] as Array<{ text: string; source: string; score: number }>;
    expect(results[0]).toMatchObject({ text: 'Cohere embed models accept up to 96 texts per call.', source: 's3://handbook/cohere.md', score: expect.any(Number) });
    expect(results).toHaveLength(3);
    expect(first.text).toContain('Cohere embed models accept up to 96 texts per call. (source: s3://handbook/cohere.md)');
    for (let run = 1; run < 100; run += 1) {
      await host.run(parseFlow(flowJson), { tweaks: { ...tweaks, ChatInput: { input_value: `Question ${run}: what does a TLS handshake cost?` } } });
    }
    expect(agentRuntime.stats().requests.byOperation['Retrieve']).toBe(100);
    expect(agentRuntime.stats().tls.handshakes).toBe(1);
    expect(runtime.stats().tls.handshakes).toBe(1);
    expect(Object.values(runtime.stats().requests.byOperation).reduce((a, b) => a + b, 0)).toBe(100);
    // One lease per node and service: the model's runtime lease and the retriever's agent-runtime lease.
    expect(pool.metrics().leases).toBe(2);
    host.dispose('4e7a1c2b-8d3f-4b6a-9e21-7c5d0f3a9b14');
    expect(pool.metrics().leases).toBe(0);
  });
});

const agenticFlowJson = readFileSync(join(__dirname, '..', '..', 'flows', 'knowledge-base-agentic-retrieval.json'), 'utf8');

/** The same flow with `use_agentic_retrieval` on the Knowledge Base node: AgenticRetrieveStream instead of Retrieve. */
describe('FlowHost runs knowledge-base-agentic-retrieval.json on a BedrockPool', () => {
  let stack: FlowRunnerStack & { agentRuntime: RunningEmulator };
  beforeAll(async () => {
    stack = await startFlowRunnerStack({ agentRuntime: { knowledgeBases: KNOWLEDGE_BASES } });
  });
  afterAll(() => stack.close());

  it('answers from the agentic results with their sources; 20 rebuilt runs: one AgenticRetrieveStream each, 1 TLS handshake per service', async () => {
    const { emulator: runtime, agentRuntime, pool, variables } = stack;
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, lifecycle: pool, variables, env: false });
    const tweaks = { AmazonBedrockModel: { endpoint_url: runtime.url }, AmazonBedrockKnowledgeBaseRetriever: { endpoint_url: agentRuntime.url } };
    const first = await host.run(parseFlow(agenticFlowJson), { tweaks });
    const results = first.outputs['AmazonBedrockKnowledgeBaseRetriever-Kb3Rt']!['search_results'] as Array<{ text: string; source: string; sourceRetriever: string }>;
    expect(results[0]).toMatchObject({ text: 'Cohere embed models accept up to 96 texts per call.', source: 's3://handbook/cohere.md', sourceRetriever: 'KBDOCS0001' });
    expect(results).toHaveLength(3);
    expect(first.text).toContain('Cohere embed models accept up to 96 texts per call. (source: s3://handbook/cohere.md)');
    // The flow's agentic settings reach Bedrock: MANAGED model, 3 iterations, no generated answer (the flow's model answers).
    expect(agentRuntime.requests().at(-1)!.body).toMatchObject({ agenticRetrieveConfiguration: { foundationModelType: 'MANAGED', maxAgentIteration: 3 }, generateResponse: false });
    for (let run = 1; run < 20; run += 1) {
      await host.run(parseFlow(agenticFlowJson), { tweaks: { ...tweaks, ChatInput: { input_value: `Question ${run}: what does a TLS handshake cost?` } } });
    }
    expect(agentRuntime.stats().requests.byOperation).toEqual({ AgenticRetrieveStream: 20 });
    expect(agentRuntime.stats().tls.handshakes).toBe(1);
    expect(runtime.stats().tls.handshakes).toBe(1);
    host.dispose('9b3f6d2e-1a4c-4e8b-b7d5-3c2a1f0e9d87');
    expect(pool.metrics().leases).toBe(0);
  });
});
