import type { ComponentContext, ComponentRegistry } from '@bedrock-flow/component';
import type { LocalComponent } from '../components/local-component';
import { FlowError } from '../flow/flow-error';

/** A node built for one run: computes its outputs by name. */
export interface BuiltNode {
  output(name: string): unknown;
}

/** A component type the host can build: its output names and how to build a node of it. */
export interface CatalogEntry {
  outputs: string[];
  build(ctx: ComponentContext, values: Readonly<Record<string, unknown>>): BuiltNode;
}

/**
 * Every component type a flow may use: the bedrock-flow components of `registry` (validated and built
 * through the contract's `registry.create`), under their names and their aliases (Langflow's namespaced ids such as
 * `ext:amazon:AmazonBedrockModel@official`), and the runner's local components.
 */
export class NodeCatalog {
  readonly #entries = new Map<string, CatalogEntry>();
  /** Type names to show in errors: component names, without their aliases. */
  readonly #names: string[] = [];

  constructor(registry: ComponentRegistry, locals: readonly LocalComponent[] = []) {
    for (const definition of registry.list()) {
      const entry: CatalogEntry = {
        outputs: definition.outputs.map((o) => o.name),
        build: (ctx, values) => registry.create(definition.name, ctx, values),
      };
      for (const name of [definition.name, ...(definition.aliases ?? [])]) this.#entries.set(name, entry);
      this.#names.push(definition.name);
    }
    for (const local of locals) {
      this.#names.push(local.name);
      this.#entries.set(local.name, {
        outputs: Object.keys(local.outputs),
        build: (_ctx, values) => ({
          output: (name) => (local.outputs[name] as (v: Readonly<Record<string, unknown>>) => unknown)(values),
        }),
      });
    }
  }

  /**
   * Checks that every node's type can be built; throws ONE `FLOW_UNKNOWN_TYPE` listing every node whose type is not
   * registered (so a flow needing several components is fixed in one go), and the known types.
   */
  checkTypes(nodes: readonly { id: string; type: string }[]): void {
    const unknown = nodes.filter((node) => !this.#entries.has(node.type));
    if (unknown.length === 0) return;
    const known = `(known: ${this.#names.join(', ')})`;
    const message =
      unknown.length === 1
        ? `Node "${unknown[0]!.id}" has type "${unknown[0]!.type}", which is not registered ${known}.`
        : `${unknown.length} nodes have types that are not registered: ${unknown.map((node) => `"${node.id}" (${node.type})`).join(', ')} ${known}.`;
    throw new FlowError('FLOW_UNKNOWN_TYPE', message, unknown[0]!.id);
  }

  /** The entry of `type`; throws `FLOW_UNKNOWN_TYPE` listing the known types. */
  get(type: string, nodeId: string): CatalogEntry {
    const entry = this.#entries.get(type);
    if (!entry) {
      throw new FlowError('FLOW_UNKNOWN_TYPE', `Node "${nodeId}" has type "${type}", which is not registered (known: ${this.#names.join(', ')}).`, nodeId);
    }
    return entry;
  }
}
