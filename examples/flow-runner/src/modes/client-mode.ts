import type { FlowGraph } from '../flow/flow-graph';
import type { FlowRunResult, FlowTweaks } from '../host/flow-host';
import type { ModeName } from '../report/mode-result';

/** One way of getting Bedrock clients, run the same way by the demo. */
export interface ClientMode {
  readonly name: ModeName;
  /** How the mode gets its clients, in one line (printed under the table). */
  readonly description: string;
  /** Value of the embeddings nodes' `cache_embeddings`: only `bedrock-flow+cache` turns the embedding cache on. */
  readonly cacheEmbeddings: boolean;
  /** Builds `graph` (already rebuilt from JSON by the caller) and runs it once. */
  run(graph: FlowGraph, tweaks: FlowTweaks): Promise<FlowRunResult>;
  /** The host dropped the last run's graph: free what died with it (outside the timed run, as a host does it later). */
  dropGraph(): Promise<void>;
  /** Releases everything the mode still holds. Idempotent. */
  close(): Promise<void>;
}
