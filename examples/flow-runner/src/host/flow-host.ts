import type { ComponentPool, ComponentRegistry, VariableSource } from '@bedrock-flow/component';
import type { LocalComponent } from '../components/local-component';
import { messageText } from '../components/message-text';
import { FlowError } from '../flow/flow-error';
import type { FlowGraph, FlowNode } from '../flow/flow-graph';
import { graphOrder } from '../flow/graph-order';
import { NodeCatalog } from './node-catalog';
import type { PoolLifecycle } from './pool-lifecycle';

/** Options of {@link FlowHost}. */
export interface FlowHostOptions {
  /** The bedrock-flow components, registered. */
  registry: ComponentRegistry;
  /** Local non-Bedrock components (chat input/output, prompt, retriever). Default none. */
  locals?: readonly LocalComponent[];
  /** Where components lease their clients: a `BedrockPool`, or any `acquire()` (the demo's naive and seed modes). */
  pool: ComponentPool;
  /** Lifecycle hooks to call around builds (usually the same `BedrockPool`). Default none: the host never tells the pool anything. */
  lifecycle?: PoolLifecycle;
  /** Host variables for secret inputs (Langflow global variables). Default none. */
  variables?: VariableSource;
  /** Environment fallback for secret variables; `false` turns it off. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | false;
  /** Directories a flow's file paths (ChatInput `files`) may be read from; the operator's choice. Default none: paths refused. */
  fileRoots?: readonly string[];
}

/** Values applied over a node's saved ones, keyed by node id or component type (Langflow's tweaks). */
export type FlowTweaks = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** What one run produced. */
export interface FlowRunResult {
  graphId: string;
  /** Node ids in build order. */
  order: string[];
  /** Computed outputs: node id -> output name -> value. */
  outputs: Record<string, Record<string, unknown>>;
  /** Text of the last sink node's output (the ChatOutput's message). */
  text: string;
}

/**
 * A minimal flow-builder host: rebuilds a loaded flow's graph on every `run` (as Langflow, Flowise
 * and n8n do), building each node through its component in graph order, and tells the pool about
 * it: `graphBuildStarted` before the first node, `nodeRemoved` for nodes gone since the last build,
 * `graphBuildFinished` after the last, `graphDisposed` on `dispose`.
 */
export class FlowHost {
  readonly #options: FlowHostOptions;
  readonly #catalog: NodeCatalog;
  /** Node ids of each graph's last build, to notice removed nodes. */
  readonly #lastNodeIds = new Map<string, string[]>();

  constructor(options: FlowHostOptions) {
    this.#options = options;
    this.#catalog = new NodeCatalog(options.registry, options.locals);
  }

  /**
   * Builds and runs `graph` once. Every check of the flow itself (unknown types and outputs,
   * cycles) happens before the pool is told anything and before any network call.
   */
  async run(graph: FlowGraph, options: { tweaks?: FlowTweaks; signal?: AbortSignal } = {}): Promise<FlowRunResult> {
    const order = graphOrder(graph);
    this.#checkOutputs(graph);
    const nodeIds = order.map((node) => node.id);
    const { lifecycle } = this.#options;
    for (const gone of (this.#lastNodeIds.get(graph.id) ?? []).filter((id) => !nodeIds.includes(id))) {
      lifecycle?.nodeRemoved({ graphId: graph.id, nodeId: gone });
    }
    this.#lastNodeIds.set(graph.id, nodeIds);
    lifecycle?.graphBuildStarted({ graphId: graph.id, nodeIds });
    const outputs: Record<string, Record<string, unknown>> = {};
    let text = '';
    try {
      for (const node of order) {
        const computed = await this.#buildNode(graph, node, outputs, options);
        outputs[node.id] = computed;
        const isSink = !graph.edges.some((edge) => edge.source === node.id);
        if (isSink) text = messageText(Object.values(computed)[0]);
      }
    } finally {
      lifecycle?.graphBuildFinished({ graphId: graph.id, nodeIds });
    }
    return { graphId: graph.id, order: nodeIds, outputs, text };
  }

  /** The graph was closed for good: its leases can go now. */
  dispose(graphId: string): void {
    this.#lastNodeIds.delete(graphId);
    this.#options.lifecycle?.graphDisposed(graphId);
  }

  /** Builds `node` with its saved values, tweaks and upstream outputs, and computes the outputs anything needs. */
  async #buildNode(
    graph: FlowGraph,
    node: FlowNode,
    upstream: Record<string, Record<string, unknown>>,
    options: { tweaks?: FlowTweaks; signal?: AbortSignal },
  ): Promise<Record<string, unknown>> {
    const entry = this.#catalog.get(node.type, node.id);
    const values: Record<string, unknown> = { ...node.values, ...options.tweaks?.[node.type], ...options.tweaks?.[node.id] };
    for (const edge of graph.edges.filter((e) => e.target === node.id)) {
      values[edge.targetField] = upstream[edge.source]?.[edge.sourceOutput];
    }
    const wanted = graph.edges.filter((e) => e.source === node.id).map((e) => e.sourceOutput);
    const names = wanted.length > 0 ? [...new Set(wanted)] : entry.outputs.slice(0, 1);
    try {
      const built = entry.build(
        {
          graphId: graph.id,
          nodeId: node.id,
          pool: this.#options.pool,
          ...(this.#options.variables === undefined ? {} : { variables: this.#options.variables }),
          ...(this.#options.env === undefined ? {} : { env: this.#options.env }),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          ...(this.#options.fileRoots === undefined ? {} : { fileRoots: this.#options.fileRoots }),
        },
        values,
      );
      const computed: Record<string, unknown> = {};
      for (const name of names) computed[name] = await built.output(name);
      return computed;
    } catch (error) {
      if (error instanceof FlowError) throw error;
      throw new FlowError('FLOW_NODE_FAILED', `Node "${node.id}" (${node.type}) failed: ${(error as Error).message}`, node.id, { cause: error });
    }
  }

  /** Every node's type must be known (all unknown ones in one error), and every edge must leave through an output its component has. */
  #checkOutputs(graph: FlowGraph): void {
    this.#catalog.checkTypes(graph.nodes);
    for (const edge of graph.edges) {
      const source = graph.nodes.find((node) => node.id === edge.source) as FlowNode;
      const { outputs } = this.#catalog.get(source.type, source.id);
      if (!outputs.includes(edge.sourceOutput)) {
        throw new FlowError('FLOW_UNKNOWN_OUTPUT', `Edge ${edge.source} -> ${edge.target} leaves through output "${edge.sourceOutput}", which ${source.type} does not have (outputs: ${outputs.join(', ')}).`, edge.source);
      }
    }
  }
}
