import { NodeOperationError } from 'n8n-workflow';
import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockKnowledgeBaseRetriever } from '@bedrock-flow/knowledge-base';
import { RetrieverBedrockFlowKnowledgeBase } from '../src';
import { emulatorAwsCredential, useEmulatorAndN8nPool } from './support/emulator-and-n8n-pool';
import { nodeContext } from './support/node-context';

/**
 * The n8n Knowledge Base retriever's agentic options against a malicious or careless workflow author: values that
 * expressions can produce (strings, objects, out-of-range numbers) and options hand-edited into the workflow JSON.
 * The node asks for documents only (`generateResponse: false`): the chain above it writes the answer, and an answer
 * Bedrock wrote would be billed and never read. In-process against the emulator (the real-host test covers n8n itself).
 */

const KB_ID = 'KBDOCS0001';
let emu: RunningEmulator;

useEmulatorAndN8nPool(
  (started) => {
    emu = started;
  },
  { knowledgeBases: [{ knowledgeBaseId: KB_ID, documents: [{ text: 'A new connection pays a TLS handshake.', uri: 's3://handbook/tls.md', metadata: { topic: 'transport' } }] }] },
);
beforeEach(() => emu.resetStats());

async function retriever(options: Record<string, unknown>): Promise<BedrockKnowledgeBaseRetriever> {
  const { response } = await new RetrieverBedrockFlowKnowledgeBase().supplyData.call(nodeContext({ credential: emulatorAwsCredential(emu), parameters: { knowledgeBaseId: KB_ID, options } }), 0);
  return response as BedrockKnowledgeBaseRetriever;
}

const agenticBodies = () => emu.requests().filter((r) => r.operation === 'AgenticRetrieveStream').map((r) => r.body as { generateResponse?: boolean; agenticRetrieveConfiguration?: { maxAgentIteration?: number } });

test('a generated response cannot be turned on from the workflow JSON: the retriever sends generateResponse false (no billed answer nobody reads)', async () => {
  // Options n8n's form does not have, written into the workflow by hand (or by an expression on the whole collection).
  const node = await retriever({ useAgenticRetrieval: true, generateResponse: true, generate_response: true });
  const docs = await node.invoke('What does a TLS handshake cost?');
  expect(docs).toHaveLength(1);
  expect(agenticBodies()).toEqual([expect.objectContaining({ generateResponse: false })]);
});

test.each([
  ['useAgenticRetrieval "yes"', { useAgenticRetrieval: 'yes' }, /Use Agentic Retrieval/],
  ['agenticModel an object', { useAgenticRetrieval: true, agenticModel: { modelArn: 'x' } }, /Agentic Model/],
  ['agenticModel a bearer header', { useAgenticRetrieval: true, agenticModel: 'Bearer ABSKabcdef0123456789' }, /Agentic Model/],
  ['maxAgentIterations 1', { useAgenticRetrieval: true, maxAgentIterations: 1 }, /Max Agent Iterations/],
  ['maxAgentIterations NaN', { useAgenticRetrieval: true, maxAgentIterations: Number.NaN }, /Max Agent Iterations/],
  ['maxAgentIterations "lots"', { useAgenticRetrieval: true, maxAgentIterations: 'lots' }, /Max Agent Iterations/],
  ['searchType HYBRID with agentic retrieval', { useAgenticRetrieval: true, searchType: 'HYBRID' }, /Search Type/],
])('an expression giving %s is refused naming the option, before any request', async (_name, options, label) => {
  const error = await retriever(options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NodeOperationError);
  expect(`${(error as NodeOperationError).message}\n${(error as NodeOperationError).description ?? ''}`).toMatch(label);
  expect(emu.stats().requests.total).toBe(0);
});

test('maxAgentIterations has no upper bound of ours (the API reference gives none): 1,000,000 is sent as is for Bedrock to judge', async () => {
  const node = await retriever({ useAgenticRetrieval: true, maxAgentIterations: 1_000_000 });
  await node.invoke('What does a TLS handshake cost?');
  expect(agenticBodies()).toEqual([expect.objectContaining({ agenticRetrieveConfiguration: expect.objectContaining({ maxAgentIteration: 1_000_000 }) })]);
});
