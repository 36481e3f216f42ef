import type { PoolMetricsSnapshot } from '@bedrock-flow/bedrock-pool';
import type { RowId } from './row-id';

/** One graph build as a host performs it. */
export interface BuildRequest {
  graphId: string;
  nodeId: string;
  /** The rest of the graph build, run after this node is built and before the build finishes. Default none. */
  restOfBuild?: () => Promise<void>;
  /** bedrock-flow rows: start `pool.warm(lease)` right after the node's acquire, overlapping the rest of the build. Default `false`. */
  warm?: boolean;
  /** bedrock-flow rows: call `graphDisposed` when the run ends (a graph that is not built again). Default `false`. */
  disposeGraphAfterRun?: boolean;
}

/** A built node, ready to run. */
export interface BuiltNode {
  /** One Converse call; rejects on any error. */
  converse(): Promise<void>;
  /** One ConverseStream call; `onFirstToken` fires at the first text delta. */
  converseStream(onFirstToken: () => void): Promise<void>;
  /** The run is over: per-build clients are destroyed, pool rows tell the pool when asked to. */
  endRun(): Promise<void>;
}

/** One compared way of calling Bedrock, driven the same way by every scenario. */
export interface RowDriver {
  readonly row: RowId;
  build(request: BuildRequest): Promise<BuiltNode>;
  /** Credential resolutions so far (counting provider for SDK rows, pool metrics for bedrock-flow). */
  credentialResolutions(): number;
  /** The pool's metrics, for bedrock-flow rows. */
  poolMetrics(): PoolMetricsSnapshot | undefined;
  /** Warm-up failures seen (bedrock-flow rows with `warm`). */
  warmUpFailures(): number;
  close(): Promise<void>;
}
