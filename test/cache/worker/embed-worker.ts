/**
 * A worker process of the two-process cache test (run with tsx): builds the AmazonBedrockEmbeddings
 * component on its own BedrockPool, with the process's default embedding cache in the Redis at
 * `BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL` (scoped with `BEDROCK_FLOW_CACHE_SECRET`), embeds the
 * JSON array of texts in `EMBED_TEXTS` against the emulator at `EMULATOR_URL` (CA in
 * `EMULATOR_CA_FILE`), and prints one JSON line: the vectors' count and its cache stats. It does not
 * wait for Redis first: the first lookup comes while the store is still connecting.
 */
import { readFileSync } from 'node:fs';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { amazonBedrockEmbeddingsDefinition, defaultEmbeddingCache, RedisEmbeddingStore } from '@bedrock-flow/embeddings';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`embed-worker: ${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  const cache = defaultEmbeddingCache();
  if (!(cache.store instanceof RedisEmbeddingStore)) throw new Error('embed-worker: the default cache is not in Redis');
  // No `ready()`: the worker embeds at once, as a freshly started queue worker does; the store waits for its connection.
  const pool = new BedrockPool({ defaults: { tls: { ca: readFileSync(env('EMULATOR_CA_FILE'), 'utf8') } }, openTelemetry: false });
  try {
    const node = createComponent(
      amazonBedrockEmbeddingsDefinition,
      { graphId: 'flow-shared', nodeId: `AmazonBedrockEmbeddings-${process.pid}`, pool, env: false },
      {
        model_id: 'cohere.embed-english-v3',
        endpoint_url: env('EMULATOR_URL'),
        aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
        aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
      },
    );
    const embeddings = node.build_embeddings();
    const vectors = await embeddings.embedDocuments(JSON.parse(env('EMBED_TEXTS')) as string[]);
    process.stdout.write(`${JSON.stringify({ vectors: vectors.length, dimensions: vectors[0]?.length, stats: embeddings.cacheStats() })}\n`);
  } finally {
    await pool.close();
    await cache.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`embed-worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
