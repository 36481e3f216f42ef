import { BedrockPool, type ClientConfig, type ClientLease, type NodeIdentity } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import type { AIMessageChunk } from '@langchain/core/messages';
import { BENCH_MODEL_ID, BENCH_PROMPT, BENCH_REGION } from './converse-request';
import type { BuildRequest, BuiltNode, RowDriver } from './row-driver';
import type { RowId } from './row-id';
import { sdkNode } from './sdk-node';

/** Options of the bedrock-flow rows. */
export interface BedrockFlowRowOptions {
  endpoint: string;
  ca: string;
  /** Sockets per slot (http1). */
  maxSockets: number;
}

/** The pool every bedrock-flow row owns: one per scenario run, as a host keeps one per process. */
function createPool(options: BedrockFlowRowOptions): BedrockPool {
  // The bench operates its emulator: it allows that endpoint for the rows' unmarked (host) keys, as an operator would.
  return new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(options.endpoint).host] }, defaults: { tls: { ca: options.ca }, http: { maxSockets: options.maxSockets } } });
}

/**
 * Hooks around one node build, as a host integrated with the pool calls them. `buildNode` returns what the node
 * built and the lease it acquired; with `warm`, the host starts `pool.warm(lease)` right away, because a fresh
 * pool has no lease yet when `graphBuildStarted` fires and so cannot warm anything by itself.
 */
async function buildWithHooks<T>(
  pool: BedrockPool,
  request: BuildRequest,
  buildNode: () => { built: T; lease: ClientLease },
  onWarmFailure: () => void,
): Promise<T> {
  const { graphId, nodeId } = request;
  pool.graphBuildStarted({ graphId, nodeIds: [nodeId] });
  const { built, lease } = buildNode();
  if (request.warm) pool.warm(lease).catch(onWarmFailure);
  await request.restOfBuild?.();
  pool.graphBuildFinished({ graphId, nodeIds: [nodeId] });
  return built;
}

function endRunOf(pool: BedrockPool, request: BuildRequest): () => Promise<void> {
  return async () => {
    if (request.disposeGraphAfterRun) pool.graphDisposed(request.graphId);
  };
}

function poolRow(row: RowId, pool: BedrockPool, build: RowDriver['build'], warmFailures: { count: number }): RowDriver {
  return {
    row,
    build,
    credentialResolutions: () => pool.metrics().totals.credentialResolutions,
    poolMetrics: () => pool.metrics(),
    warmUpFailures: () => warmFailures.count,
    close: () => pool.close(),
  };
}

/** Rows `bfHttp1` / `bfHttp2`: `pool.acquire` per build between the lifecycle hooks, then `lease.client.send`. */
export function bedrockFlowDriver(transport: 'http1' | 'http2', options: BedrockFlowRowOptions): RowDriver {
  const pool = createPool(options);
  const config: ClientConfig = {
    region: BENCH_REGION,
    endpoint: options.endpoint,
    credentials: { kind: 'static', accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey },
    transport,
  };
  const warmFailures = { count: 0 };
  return poolRow(transport === 'http1' ? 'bfHttp1' : 'bfHttp2', pool, async (request) => {
    const lease = await buildWithHooks(
      pool,
      request,
      () => {
        const acquired = pool.acquire({ graphId: request.graphId, nodeId: request.nodeId }, config);
        return { built: acquired, lease: acquired };
      },
      () => {
        warmFailures.count += 1;
      },
    );
    return sdkNode(lease.client, endRunOf(pool, request));
  }, warmFailures);
}

/** Raw inputs of the Converse component, as a saved flow holds them. */
export function componentInputs(endpoint: string): Record<string, unknown> {
  return {
    model_id: BENCH_MODEL_ID,
    region_name: BENCH_REGION,
    endpoint_url: endpoint,
    aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
    aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
    input_value: BENCH_PROMPT,
    max_tokens: 256,
  };
}

/** Row `bfComponent`: the real `AmazonBedrockConverseModel` on the pool: `build_model()` per build, then LangChain. */
export function bedrockFlowComponentDriver(options: BedrockFlowRowOptions): RowDriver {
  const pool = createPool(options);
  const inputs = componentInputs(options.endpoint);
  const warmFailures = { count: 0 };
  return poolRow('bfComponent', pool, async (request) => {
    const model = await buildWithHooks(
      pool,
      request,
      () => {
        // The component leases through ctx.pool: record the lease it took so the host can warm it.
        let lease: ClientLease | undefined;
        const recordingPool = { acquire: (identity: NodeIdentity, config: ClientConfig) => (lease = pool.acquire(identity, config)) };
        const ctx = { graphId: request.graphId, nodeId: request.nodeId, pool: recordingPool, env: false as const };
        const built = createComponent(amazonBedrockConverseDefinition, ctx, inputs).build_model();
        return { built, lease: lease! };
      },
      () => {
        warmFailures.count += 1;
      },
    );
    const node: BuiltNode = {
      async converse() {
        const message = await model.invoke(BENCH_PROMPT);
        if (typeof message.content !== 'string' || !message.content) throw new Error('invoke returned no text');
      },
      async converseStream(onFirstToken) {
        let first = true;
        for await (const chunk of await model.stream(BENCH_PROMPT)) {
          if (first && typeof (chunk as AIMessageChunk).content === 'string' && chunk.content) {
            first = false;
            onFirstToken();
          }
        }
        if (first) throw new Error('stream returned no text');
      },
      endRun: endRunOf(pool, request),
    };
    return node;
  }, warmFailures);
}
