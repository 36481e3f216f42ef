import { BedrockPool, hostPoolOptions, ProcessPool, type BedrockPoolOptions, type EndpointPolicyOptions } from '@bedrock-flow/bedrock-pool';
import type { ComponentRegistry } from '@bedrock-flow/component';
import type { LocalComponent } from '../components/local-component';
import { FlowHost } from '../host/flow-host';
import type { ModeName } from '../report/mode-result';
import type { ClientMode } from './client-mode';
import { NaiveClientFactory } from './naive-client-factory';

/** What every mode is built from. */
export interface ModeDependencies {
  registry: ComponentRegistry;
  locals: readonly LocalComponent[];
  /** Extra CA to trust (the emulator's). Default: Node's roots. */
  ca?: string;
  /** Environment fallback for secret variables; the demo passes `false` so stray `AWS_*` keys cannot leak in. */
  env?: Readonly<Record<string, string | undefined>> | false;
  /**
   * The pools' endpoint policy: which `endpoint_url` hosts may receive which credentials. The host operator sets it,
   * never a flow. Default `{}`: host credentials (profiles, variables, the environment) only to AWS Bedrock Runtime
   * endpoints; loopback and other https hosts only with keys typed into the node. The demo passes
   * `endpointPolicyFromEnv(process.env)` plus its own emulator's host:port (its profiles are host credentials).
   */
  endpointPolicy?: EndpointPolicyOptions;
}

/** Mode (a): a new stock client per node build, dropped with the graph. */
export function naiveMode(deps: ModeDependencies): ClientMode {
  let clients: NaiveClientFactory | undefined;
  const dropGraph = async (): Promise<void> => {
    clients?.destroy();
    clients = undefined;
  };
  return {
    name: 'naive',
    cacheEmbeddings: false,
    description: 'new stock BedrockRuntimeClient per node build (SDK default HTTP/2 handler), as upstream Langflow, Flowise and n8n',
    async run(graph, tweaks) {
      await dropGraph();
      clients = new NaiveClientFactory(deps.ca === undefined ? {} : { ca: deps.ca });
      return new FlowHost({ ...hostOptions(deps), pool: clients }).run(graph, { tweaks });
    },
    dropGraph,
    close: dropGraph,
  };
}

/** Mode (b): a keep-alive pool that lives and dies with one graph build (a per-instance cache). */
export function seedMode(deps: ModeDependencies): ClientMode {
  let pool: BedrockPool | undefined;
  const dropGraph = async (): Promise<void> => {
    const dropped = pool;
    pool = undefined;
    await dropped?.close();
  };
  return {
    name: 'seed',
    cacheEmbeddings: false,
    description: 'a fresh keep-alive BedrockPool per graph build, closed when the graph is dropped (a cache that dies with the graph)',
    async run(graph, tweaks) {
      await dropGraph();
      pool = new BedrockPool(poolOptions(deps));
      return new FlowHost({ ...hostOptions(deps), pool }).run(graph, { tweaks });
    },
    dropGraph,
    close: dropGraph,
  };
}

/** Mode (c): one pool for the process, told about every build; leases survive rebuilds. */
export function bedrockFlowMode(deps: ModeDependencies, withCache = false): ClientMode & { readonly pool: BedrockPool } {
  // The host kit's process-wide pool, as Node-RED and n8n hold theirs.
  const processPool = new ProcessPool(() => poolOptions(deps));
  const pool = processPool.get();
  const host = new FlowHost({ ...hostOptions(deps), pool, lifecycle: pool });
  const graphs = new Set<string>();
  let closed = false;
  return {
    name: withCache ? 'bedrock-flow+cache' : 'bedrock-flow',
    cacheEmbeddings: withCache,
    description: withCache
      ? 'bedrock-flow with the embedding cache on (cache_embeddings, the default): unchanged documents are not embedded again'
      : 'one BedrockPool for the process, lifecycle hooks called (graphBuildStarted re-warms a closed connection while the host builds); embedding cache off',
    pool,
    run(graph, tweaks) {
      graphs.add(graph.id);
      return host.run(graph, { tweaks });
    },
    // The graph object is dropped, the flow is not: its leases stay for the next rebuild.
    dropGraph: async () => undefined,
    async close() {
      if (closed) return;
      closed = true;
      for (const graphId of graphs) host.dispose(graphId);
      await processPool.close();
    },
  };
}

/** Mode (d): bedrock-flow with the embedding cache on: a re-run embeds only texts it has not embedded before. */
export function bedrockFlowCacheMode(deps: ModeDependencies): ClientMode & { readonly pool: BedrockPool } {
  return bedrockFlowMode(deps, true);
}

/** The modes, by name. */
export function createModes(deps: ModeDependencies, names: readonly ModeName[] = ['naive', 'seed', 'bedrock-flow', 'bedrock-flow+cache']): ClientMode[] {
  const factories: Record<ModeName, (d: ModeDependencies) => ClientMode> = {
    naive: naiveMode,
    seed: seedMode,
    'bedrock-flow': (d) => bedrockFlowMode(d),
    'bedrock-flow+cache': bedrockFlowCacheMode,
  };
  return names.map((name) => factories[name](deps));
}

function hostOptions(deps: ModeDependencies) {
  return { registry: deps.registry, locals: deps.locals, ...(deps.env === undefined ? {} : { env: deps.env }) };
}

/** The demo's pool options: its CA, and the policy it was given (never read from the environment here: `run-demo` decides). */
function poolOptions(deps: ModeDependencies): BedrockPoolOptions {
  return hostPoolOptions({ configured: deps.ca === undefined ? {} : { defaults: { tls: { ca: deps.ca } } }, endpointPolicy: deps.endpointPolicy, env: {} });
}
