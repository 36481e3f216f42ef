import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { amazonBedrockEmbeddingsDefinition, EmbeddingCache, setDefaultEmbeddingCache } from '@bedrock-flow/embeddings';
import { summarizeLatencies } from '../stats/latency-summary';
import { ratio } from './latency-table';
import { now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { Cell, ScenarioResult } from './scenario-result';

const GRAPH_ID = 'flow-retrieval';
/** The emulator this scenario uses: bedrock-flow http1's, behind the latency proxy (its counters are its own). */
const ROW = 'bfHttp1' as const;
const MODELS = ['cohere.embed-english-v3', 'amazon.titan-embed-text-v2:0'] as const;

interface Variant {
  model: (typeof MODELS)[number];
  cache: boolean;
  nodeId: string;
  latenciesMs: number[];
  requestsPerRun: number[];
}

const documentText = (i: number): string => `Document ${i}: keep-alive sockets, credential providers and retries of flow ${i % 7} on node ${i % 13}.`;

/**
 * Scenario 7: the retrieval half of a flow re-run M times — build the `AmazonBedrockEmbeddings` component, embed N
 * unchanged documents and a new question per run — with `cache_embeddings` on and off, side by side, for Cohere v3
 * (96 texts per request) and Titan v2 (one text per request). Requests are counted by the emulator, per run.
 */
export async function runEmbeddingsReruns(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const documents = Array.from({ length: ctx.plan.embeddingsDocuments }, (_, i) => documentText(i));
  const runs = ctx.plan.embeddingsRuns;
  const endpoint = ctx.config.emulators.rtt[ROW];
  const variants: Variant[] = MODELS.flatMap((model, m) =>
    [true, false].map((cache) => ({ model, cache, nodeId: `AmazonBedrockEmbeddings-M${m}${cache ? 'C' : 'N'}`, latenciesMs: [], requestsPerRun: [] })),
  );
  const progress = new ProgressReporter('embeddings', runs * variants.length, ctx.channel);
  // A cache of this scenario's own (in memory, the default 64 MiB), and one pool, as one host process has.
  const cache = setDefaultEmbeddingCache(new EmbeddingCache({ openTelemetry: false }));
  const pool = new BedrockPool({ defaults: { tls: { ca: endpoint.ca } }, openTelemetry: false });
  const build = (nodeId: string, model: string, cacheEmbeddings: boolean) =>
    createComponent(
      amazonBedrockEmbeddingsDefinition,
      { graphId: GRAPH_ID, nodeId, pool, env: false },
      {
        model_id: model,
        endpoint_url: endpoint.url,
        aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
        aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
        cache_embeddings: cacheEmbeddings,
      },
    ).build_embeddings();
  let metrics;
  try {
    // Unmeasured: open the shared slot's connection, so no variant's first run carries the pool's warm-up.
    await build('AmazonBedrockEmbeddings-Warm', MODELS[0], false).embedQuery('warm-up');
    for (let run = 0; run < runs; run += 1) {
      // Rotate which variant goes first, so drift hits all alike.
      for (let k = 0; k < variants.length; k += 1) {
        const variant = variants[(run + k) % variants.length]!;
        const before = (await ctx.channel.counters('rtt', ROW)).requests;
        const t0 = now();
        pool.graphBuildStarted({ graphId: GRAPH_ID, nodeIds: [variant.nodeId] });
        const embeddings = build(variant.nodeId, variant.model, variant.cache);
        pool.graphBuildFinished({ graphId: GRAPH_ID, nodeIds: [variant.nodeId] });
        await embeddings.embedDocuments(documents);
        await embeddings.embedQuery(`Which document talks about flow ${run % 7}? (run ${run + 1})`);
        variant.latenciesMs.push(now() - t0);
        variant.requestsPerRun.push((await ctx.channel.counters('rtt', ROW)).requests - before);
        progress.tick(1, `${variant.model} ${variant.cache ? 'cached' : 'uncached'}`);
      }
    }
    metrics = cache.metrics();
  } finally {
    await pool.close();
    await cache.close();
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  const figures: Record<string, number> = {};
  const rows: Cell[][] = variants.map((variant) => {
    const steady = summarizeLatencies(variant.latenciesMs.slice(1));
    const uncached = variants.find((v) => v.model === variant.model && !v.cache)!;
    const uncachedP50 = summarizeLatencies(uncached.latenciesMs.slice(1)).p50;
    const key = `${variant.model.startsWith('cohere') ? 'cohere' : 'titan'}.${variant.cache ? 'cached' : 'uncached'}`;
    figures[`${key}.steadyP50`] = steady.p50;
    figures[`${key}.steadyRequestsPerRun`] = median(variant.requestsPerRun.slice(1));
    return [
      variant.model,
      variant.cache ? 'on' : 'off',
      documents.length,
      runs,
      variant.latenciesMs[0] ?? NaN,
      steady.p50,
      steady.p95,
      variant.requestsPerRun[0] ?? NaN,
      median(variant.requestsPerRun.slice(1)),
      ratio(steady.p50, uncachedP50),
    ];
  });
  return {
    scenario: 'embeddings',
    title: `7. Embeddings: a retrieval flow re-run ${runs} times, ${documents.length} unchanged documents + a new question per run, cache on vs off (RTT ${ctx.config.rttMs} ms)`,
    description:
      'Each run builds the real `AmazonBedrockEmbeddings` component on one `BedrockPool` (as a host rebuilding the graph), embeds the same N documents (`embedDocuments`) and a question new to every run (`embedQuery`). `cache_embeddings` on uses the in-process embedding cache (64 MiB LRU); off sends every text. Runs of the four variants are interleaved. Requests are counted by the emulator per run; steady = runs 2..M. Cohere v3 batches 96 texts per request; Titan v2 sends one text per request, at most 8 in flight.',
    tables: [
      {
        columns: ['model', 'cache', 'documents', 'runs', 'first run ms', 'steady p50 ms', 'steady p95 ms', 'requests, first run', 'requests / steady run', 'p50 × cache off'],
        rows,
      },
    ],
    charts: [],
    figures,
    notes: [
      `Cache after the scenario: ${metrics.hits} hits, ${metrics.misses} misses, ${metrics.requestsSaved} requests saved, ${metrics.entries} entries in ${metrics.bytes} bytes, ${metrics.evictions} evictions.`,
    ],
    durationMs: now() - started,
    raw: { variants, cache: metrics },
  };
}
