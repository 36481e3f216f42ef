import { BedrockPool, type PoolMetricsSnapshot } from '@bedrock-flow/bedrock-pool';
import { BEDROCK_NOTES, type CorpusDocument } from './corpus/bedrock-notes';
import type { FlowConnection } from './connection/flow-connection';
import type { FlowDefinition } from './flow/flow-definition';
import { ragFlow } from './flow/rag-flow';
import { buildCorpusIndex } from './graph/build-corpus-index';
import { compileFlowGraph } from './graph/compile-flow-graph';
import type { RagStateValue } from './graph/rag-state';

/** Questions asked in turn when none is given. */
export const SAMPLE_QUESTIONS = [
  'Why does every call open a new TLS connection?',
  'How can sequential calls share one connection?',
  'What survives when a flow graph is rebuilt?',
  'How many texts can one embeddings call take?',
] as const;

/** Options of {@link runRequests}. */
export interface RunRequestsOptions {
  connection: FlowConnection;
  /** Requests to serve; each compiles the graph again. Default `10`. */
  requests?: number;
  /** The question of request `i` (0-based). Default: {@link SAMPLE_QUESTIONS} in turn. */
  question?: (i: number) => string;
  /** The flow. Default {@link ragFlow}. */
  flow?: FlowDefinition;
  /** The corpus. Default {@link BEDROCK_NOTES}. */
  documents?: readonly CorpusDocument[];
  /** Called after each request with its final state and the pool metrics at that point. */
  onResult?: (i: number, state: RagStateValue, metrics: PoolMetricsSnapshot) => void;
  /** Called once the corpus is indexed. */
  onIndexed?: (documents: number, metrics: PoolMetricsSnapshot) => void;
}

/** What {@link runRequests} reports. */
export interface RunSummary {
  /** Final state of each request. */
  states: RagStateValue[];
  /** Graph compilations (one per request). */
  compilations: number;
  /** Pool metrics after the last request (before the pool closes). */
  metrics: PoolMetricsSnapshot;
}

/**
 * The host loop: one process-wide pool; the corpus indexed once; then per request a fresh `StateGraph` compiled
 * from the flow definition and invoked. The pool closes at the end.
 */
export async function runRequests(options: RunRequestsOptions): Promise<RunSummary> {
  const { connection, flow = ragFlow, documents = BEDROCK_NOTES } = options;
  const requests = options.requests ?? 10;
  if (!Number.isInteger(requests) || requests < 1) throw new RangeError(`requests must be a positive integer, got ${String(requests)}`);
  const question = options.question ?? ((i: number) => SAMPLE_QUESTIONS[i % SAMPLE_QUESTIONS.length]!);
  const pool = new BedrockPool(connection.poolOptions);
  try {
    const index = await buildCorpusIndex(flow, pool, connection.values, documents);
    options.onIndexed?.(index.size, pool.metrics());
    const states: RagStateValue[] = [];
    let compilations = 0;
    for (let i = 0; i < requests; i++) {
      const graph = compileFlowGraph(flow, { pool, connection: connection.values, index });
      compilations++;
      const state = await graph.invoke({ question: question(i) });
      states.push(state);
      options.onResult?.(i, state, pool.metrics());
    }
    return { states, compilations, metrics: pool.metrics() };
  } finally {
    await pool.close();
  }
}
