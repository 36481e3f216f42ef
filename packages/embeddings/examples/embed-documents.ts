/**
 * Runnable example, no AWS account needed: the AmazonBedrockEmbeddings component on a pooled client,
 * against the local Bedrock emulator.
 *   pnpm build && npx tsx packages/embeddings/examples/embed-documents.ts
 */
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';

const emu = await startEmulator({ tls: true });
const pool = new BedrockPool({ defaults: { tls: { ca: emu.ca } } });
try {
  const node = createComponent(
    amazonBedrockEmbeddingsDefinition,
    { graphId: 'example-flow', nodeId: 'AmazonBedrockEmbeddings-Ex1', pool, env: false },
    {
      model_id: 'cohere.embed-english-v3',
      aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
      aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
      region_name: 'us-east-1',
      endpoint_url: emu.url,
    },
  );
  const embeddings = node.build_embeddings();
  const documents = Array.from({ length: 200 }, (_, i) => `document ${i}`);
  const vectors = await embeddings.embedDocuments(documents);
  const query = await embeddings.embedQuery('which document?');
  const stats = emu.stats();
  console.log(`${vectors.length} document vectors of ${vectors[0]?.length} dimensions, query vector of ${query.length}`);
  console.log(`requests: ${JSON.stringify(stats.requests.byOperation)}, TLS handshakes: ${stats.tls.handshakes}`);
  // A re-run, as a flow builder rebuilds the graph: the documents come from the embedding cache.
  const rerun = node.build_embeddings();
  await rerun.embedDocuments(documents);
  const { hits, misses, requestsSaved } = rerun.cacheStats() as { hits: number; misses: number; requestsSaved: number };
  console.log(`re-run: ${JSON.stringify(emu.stats().requests.byOperation)} in all; cache ${hits} hits, ${misses} misses, ${requestsSaved} requests saved`);
} finally {
  await pool.close();
  await emu.close();
}
