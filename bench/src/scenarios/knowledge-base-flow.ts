import https from 'node:https';
import { BedrockAgentRuntimeClient, RetrieveCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { startEmulator, TEST_CREDENTIALS, type EmulatorKnowledgeBase, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '@bedrock-flow/knowledge-base';
import { summarizeLatencies } from '../stats/latency-summary';
import { now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { Cell, ScenarioResult } from './scenario-result';

const GRAPH_ID = 'flow-knowledge-base';
const KB_ID = 'KBBENCH001';
const MODEL_ID = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  {
    knowledgeBaseId: KB_ID,
    documents: Array.from({ length: 40 }, (_, i) => ({
      text: `Handbook section ${i}: keep-alive sockets, credential providers and retries of flow ${i % 7} on node ${i % 13}.`,
      uri: `s3://handbook/section-${i}.md`,
      metadata: { section: i },
    })),
  },
];

interface ModeRun {
  mode: 'stock' | 'bedrock-flow';
  latenciesMs: number[];
}

/** The question of run `run` and the prompt with its retrieved chunks. */
const question = (run: number): string => `Which section covers retries of flow ${run % 7}? (run ${run + 1})`;
const prompt = (q: string, chunks: string[]): string => `Answer from these sections only.\n\n${chunks.join('\n')}\n\nQuestion: ${q}`;

/**
 * Scenario 10: a retrieval flow on a Bedrock Knowledge Base (Retrieve on `bedrock-agent-runtime`, then Converse on
 * `bedrock-runtime` with the chunks in the prompt), rebuilt and rerun M times. Stock: a new `BedrockAgentRuntimeClient`
 * and a new `BedrockRuntimeClient` per run (their own keep-alive agent each, destroyed after the run), as flow
 * builders' nodes do. bedrock-flow: the `AmazonBedrockKnowledgeBaseRetriever` and `AmazonBedrockConverseModel`
 * components built from their inputs on every run, on one `BedrockPool`. The two services are two emulators (two
 * hosts, as at AWS), started by this scenario with the knowledge base loaded, behind the latency proxy; their TLS
 * handshakes are counted apart.
 */
export async function runKnowledgeBaseFlow(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const runs = ctx.plan.knowledgeBaseRuns;
  const progress = new ProgressReporter('knowledge-base', runs * 2, ctx.channel);
  const rttMs = ctx.config.rttMs;
  const runtime = await startEmulator({ tls: true, rttMs });
  const agentRuntime = await startEmulator({ tls: true, rttMs, knowledgeBases: KNOWLEDGE_BASES });
  const ca = [runtime.ca!, agentRuntime.ca!];
  const modes: ModeRun[] = [
    { mode: 'stock', latenciesMs: [] },
    { mode: 'bedrock-flow', latenciesMs: [] },
  ];
  const counts: Record<string, { runtime: ReturnType<RunningEmulator['stats']>; agentRuntime: ReturnType<RunningEmulator['stats']> }> = {};
  const credentials = { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey };
  try {
    // Stock: every run builds both clients anew.
    runtime.resetStats();
    agentRuntime.resetStats();
    for (let run = 0; run < runs; run += 1) {
      const t0 = now();
      const agent = new https.Agent({ keepAlive: true, ca });
      const retrieval = new BedrockAgentRuntimeClient({ region: 'us-east-1', endpoint: agentRuntime.url, credentials, requestHandler: new NodeHttpHandler({ httpsAgent: agent }) });
      const chatAgent = new https.Agent({ keepAlive: true, ca });
      const chat = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: runtime.url, credentials, requestHandler: new NodeHttpHandler({ httpsAgent: chatAgent }) });
      try {
        const q = question(run);
        const found = await retrieval.send(new RetrieveCommand({ knowledgeBaseId: KB_ID, retrievalQuery: { text: q }, retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 3 } } }));
        const chunks = (found.retrievalResults ?? []).map((r) => r.content?.text ?? '');
        await chat.send(new ConverseCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text: prompt(q, chunks) }] }] }));
      } finally {
        retrieval.destroy();
        chat.destroy();
        agent.destroy();
        chatAgent.destroy();
      }
      modes[0]!.latenciesMs.push(now() - t0);
      progress.tick(1, 'stock');
    }
    counts['stock'] = { runtime: runtime.stats(), agentRuntime: agentRuntime.stats() };

    // bedrock-flow: the components rebuilt from their inputs on every run, on one pool.
    runtime.resetStats();
    agentRuntime.resetStats();
    const pool = new BedrockPool({ defaults: { tls: { ca: ca.join('\n') } }, openTelemetry: false });
    const nodeIds = ['AmazonBedrockKnowledgeBaseRetriever-Kb1', 'AmazonBedrockConverseModel-Cv1'];
    const aws = { aws_access_key_id: credentials.accessKeyId, aws_secret_access_key: credentials.secretAccessKey, region_name: 'us-east-1' };
    try {
      for (let run = 0; run < runs; run += 1) {
        const t0 = now();
        pool.graphBuildStarted({ graphId: GRAPH_ID, nodeIds });
        const q = question(run);
        const kb = createComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, { graphId: GRAPH_ID, nodeId: nodeIds[0]!, pool, env: false }, { ...aws, endpoint_url: agentRuntime.url, knowledge_base_id: KB_ID, number_of_results: 3, search_query: q });
        const results = (await kb.search_documents()) as Array<{ text: string }>;
        const model = createComponent(amazonBedrockConverseDefinition, { graphId: GRAPH_ID, nodeId: nodeIds[1]!, pool, env: false }, { ...aws, endpoint_url: runtime.url, model_id: MODEL_ID, input_value: prompt(q, results.map((r) => r.text)) });
        await model.text_response();
        pool.graphBuildFinished({ graphId: GRAPH_ID, nodeIds });
        modes[1]!.latenciesMs.push(now() - t0);
        progress.tick(1, 'bedrock-flow');
      }
    } finally {
      await pool.close();
    }
    counts['bedrock-flow'] = { runtime: runtime.stats(), agentRuntime: agentRuntime.stats() };
  } finally {
    await runtime.close();
    await agentRuntime.close();
  }
  const figures: Record<string, number> = {};
  const rows: Cell[][] = modes.map(({ mode, latenciesMs }) => {
    const c = counts[mode]!;
    const steady = summarizeLatencies(latenciesMs.slice(1));
    const handshakes = c.runtime.tls.handshakes + c.agentRuntime.tls.handshakes;
    figures[`${mode}.handshakesPerRun`] = handshakes / runs;
    figures[`${mode}.agentRuntimeHandshakes`] = c.agentRuntime.tls.handshakes;
    figures[`${mode}.runtimeHandshakes`] = c.runtime.tls.handshakes;
    figures[`${mode}.steadyP50`] = steady.p50;
    return [
      mode,
      runs,
      c.agentRuntime.tls.handshakes,
      c.runtime.tls.handshakes,
      handshakes / runs,
      c.agentRuntime.connections.accepted + c.runtime.connections.accepted,
      c.agentRuntime.requests.total + c.runtime.requests.total,
      latenciesMs[0] ?? NaN,
      steady.p50,
      steady.p95,
    ];
  });
  return {
    scenario: 'knowledge-base',
    title: `10. Knowledge Base: a retrieval flow (Retrieve + Converse) rebuilt and rerun ${runs} times, stock vs bedrock-flow (RTT ${rttMs} ms)`,
    description:
      'Each run asks a new question: Retrieve on `bedrock-agent-runtime` (3 chunks), then Converse on `bedrock-runtime` with the chunks in the prompt. Stock builds a new `BedrockAgentRuntimeClient` and `BedrockRuntimeClient` per run (a keep-alive agent each, destroyed after the run), as flow builders do; bedrock-flow builds the `AmazonBedrockKnowledgeBaseRetriever` and `AmazonBedrockConverseModel` components from their inputs on every run, on one `BedrockPool`. The two services are two emulators (two hosts, as at AWS) started by this scenario in the measuring process; TLS handshakes, connections and requests are counted by each emulator.',
    tables: [
      {
        columns: ['mode', 'runs', 'TLS handshakes agent-runtime', 'TLS handshakes runtime', 'handshakes / run', 'connections', 'requests', 'first run ms', 'steady p50 ms', 'steady p95 ms'],
        rows,
      },
    ],
    charts: [],
    figures,
    notes: [],
    durationMs: now() - started,
    raw: { modes, counts },
  };
}
