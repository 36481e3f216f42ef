/**
 * Runnable example, no AWS account needed: the AmazonBedrockKnowledgeBaseRetriever component with agentic retrieval
 * (AgenticRetrieveStream) on a pooled bedrock-agent-runtime client, against the local Bedrock emulator.
 *   pnpm build && npx tsx packages/knowledge-base/examples/agentic-retrieve.ts
 */
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '@bedrock-flow/knowledge-base';

const emu = await startEmulator({
  tls: true,
  knowledgeBases: [
    {
      knowledgeBaseId: 'KBDOCS0001',
      documents: [
        { text: 'A new connection pays a TLS handshake: two extra round trips.', uri: 's3://handbook/tls.md', metadata: { topic: 'transport' } },
        { text: 'Throttled requests are retried with exponential backoff.', uri: 's3://handbook/retries.md', metadata: { topic: 'retries' } },
        { text: 'Keep-alive connections skip the TLS handshake on later requests.', uri: 's3://handbook/keep-alive.md', metadata: { topic: 'transport' } },
      ],
    },
  ],
});
const pool = new BedrockPool({ defaults: { tls: { ca: emu.ca } } });
try {
  const node = createComponent(
    amazonBedrockKnowledgeBaseRetrieverDefinition,
    { graphId: 'example-flow', nodeId: 'AmazonBedrockKnowledgeBaseRetriever-Ag1', pool, env: false },
    {
      knowledge_base_id: 'KBDOCS0001',
      search_query: 'What does a TLS handshake cost, and how do I avoid it?',
      number_of_results: 2,
      use_agentic_retrieval: true,
      agentic_model: 'MANAGED',
      max_agent_iterations: 3,
      aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
      aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
      region_name: 'us-east-1',
      endpoint_url: emu.url,
    },
  );
  const results = await node.search_documents();
  for (const r of results) console.log(`${r.sourceRetriever}  ${r.source}  ${r.text}`);
  const answer = await node.retrieve_and_generate();
  console.log(`answer: ${answer.text}`);
  for (const c of answer.citations) console.log(`  [${c.span?.start}-${c.span?.end}] cites ${c.references.map((ref) => ref.source).join(', ')}`);
  const stats = emu.stats();
  console.log(`requests: ${JSON.stringify(stats.requests.byOperation)}, TLS handshakes: ${stats.tls.handshakes}`);
} finally {
  await pool.close();
  await emu.close();
}
