/**
 * Runnable example, no AWS account needed: the AmazonBedrockKnowledgeBaseRetriever component on a pooled
 * bedrock-agent-runtime client, against the local Bedrock emulator with a small knowledge base loaded.
 *   pnpm build && npx tsx packages/knowledge-base/examples/retrieve.ts
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
  for (let run = 1; run <= 3; run += 1) {
    // Rebuilt from its inputs on every run, as a flow builder does: the pooled client stays warm.
    const node = createComponent(
      amazonBedrockKnowledgeBaseRetrieverDefinition,
      { graphId: 'example-flow', nodeId: 'AmazonBedrockKnowledgeBaseRetriever-Ex1', pool, env: false },
      {
        knowledge_base_id: 'KBDOCS0001',
        search_query: 'What does a TLS handshake cost?',
        number_of_results: 2,
        metadata_filter: { equals: { key: 'topic', value: 'transport' } },
        aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
        aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
        region_name: 'us-east-1',
        endpoint_url: emu.url,
      },
    );
    const results = await node.search_documents();
    if (run === 1) for (const r of results) console.log(`${r.score?.toFixed(3)}  ${r.source}  ${r.text}`);
    const docs = await node.build_retriever().invoke('keep-alive');
    if (run === 1) console.log(`retriever: ${docs.length} documents, first from ${docs[0]?.metadata['source']}`);
  }
  const stats = emu.stats();
  console.log(`requests: ${JSON.stringify(stats.requests.byOperation)}, TLS handshakes: ${stats.tls.handshakes}`);
} finally {
  await pool.close();
  await emu.close();
}
