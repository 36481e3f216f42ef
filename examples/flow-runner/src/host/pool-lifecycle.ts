/** A graph build as the pool's lifecycle hooks take it. */
export interface GraphBuildEvent {
  graphId: string;
  nodeIds: string[];
}

/**
 * The lifecycle hooks of `BedrockPool` a host calls (structural, so a host can also pass a pool of
 * its own). Build started -> the pool warms the leases it already has for these nodes while the host
 * builds; build finished -> leases of nodes no longer in the graph are released; node removed and
 * graph disposed -> their leases are released now rather than at the idle TTL.
 */
export interface PoolLifecycle {
  graphBuildStarted(event: GraphBuildEvent): unknown;
  graphBuildFinished(event: GraphBuildEvent): unknown;
  nodeRemoved(identity: { graphId: string; nodeId: string }): unknown;
  graphDisposed(graphId: string): unknown;
}
