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
 * through the contract's `registry.create`) and the runner's local components.
 */
export class NodeCatalog {
  readonly #entries = new Map<string, CatalogEntry>();

  constructor(registry: ComponentRegistry, locals: readonly LocalComponent[] = []) {
    for (const definition of registry.list()) {
      this.#entries.set(definition.name, {
        outputs: definition.outputs.map((o) => o.name),
        build: (ctx, values) => registry.create(definition.name, ctx, values),
      });
    }
    for (const local of locals) {
      this.#entries.set(local.name, {
        outputs: Object.keys(local.outputs),
        build: (_ctx, values) => ({
          output: (name) => (local.outputs[name] as (v: Readonly<Record<string, unknown>>) => unknown)(values),
        }),
      });
    }
  }

  /** The entry of `type`; throws `FLOW_UNKNOWN_TYPE` listing the known types. */
  get(type: string, nodeId: string): CatalogEntry {
    const entry = this.#entries.get(type);
    if (!entry) {
      throw new FlowError('FLOW_UNKNOWN_TYPE', `Node "${nodeId}" has type "${type}", which is not registered (known: ${[...this.#entries.keys()].join(', ')}).`, nodeId);
    }
    return entry;
  }
}
