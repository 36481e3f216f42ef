/**
 * The cache's counters reach OpenTelemetry through the real `@opentelemetry/api` (a global meter provider set by
 * the test, as a host's SDK would), for real requests against the emulator.
 */
import { metrics as otelMetrics } from '@opentelemetry/api';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockBatchedEmbeddings, EmbeddingCache } from '../../src';
import { emulatorClient } from '../support/emulator-client';

let emu: RunningEmulator;
afterEach(async () => {
  await emu?.close();
});

test('hits, misses, joins and requests saved are added to bedrock_flow.embedding_cache.* counters with the store kind', async () => {
  const added = new Map<string, number>();
  const attributes = new Set<string>();
  otelMetrics.setGlobalMeterProvider({
    getMeter: () =>
      ({
        createCounter: (name: string) => ({
          add: (value: number, attrs?: Record<string, string>) => {
            added.set(name, (added.get(name) ?? 0) + value);
            attributes.add(JSON.stringify(attrs));
          },
        }),
      }) as never,
  });
  emu = await startEmulator({ tls: true });
  const client = emulatorClient(emu);
  const cache = new EmbeddingCache();
  try {
    // The sink loads asynchronously (an optional import): wait for it before counting.
    const probe = new BedrockBatchedEmbeddings({ client, cache, model: 'amazon.titan-embed-text-v1' });
    for (let i = 0; added.size === 0; i += 1) await probe.embedQuery(`probe ${i}`);
    added.clear();
    const embeddings = new BedrockBatchedEmbeddings({ client, cache, model: 'cohere.embed-english-v3' });
    await embeddings.embedDocuments(['a', 'b', 'c']);
    await embeddings.embedDocuments(['a', 'b', 'c', 'd']);
    await Promise.all([embeddings.embedQuery('q'), embeddings.embedQuery('q')]);
    expect(Object.fromEntries(added)).toEqual({
      'bedrock_flow.embedding_cache.misses': 3 + 1 + 1,
      'bedrock_flow.embedding_cache.hits': 3,
      'bedrock_flow.embedding_cache.single_flight_joins': 1,
      'bedrock_flow.embedding_cache.requests_saved': 1,
    });
    expect([...attributes]).toEqual([JSON.stringify({ store: 'memory' })]);
  } finally {
    client.destroy();
    await cache.close();
  }
});
