import type { ComponentContext } from '../definition/component-context';
import type { ComponentDefinition } from '../definition/component-definition';
import { ComponentDefinitionError } from '../definition/component-definition-error';
import { createComponent, type CreateComponentOptions } from '../definition/create-component';
import { buildManifestEntry } from './build-manifest-entry';
import type { ComponentManifest, ManifestComponent } from './manifest-types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefinition = ComponentDefinition<any, any>;

/**
 * A set of component definitions by Langflow name, and the palette manifest built from them. A definition's `aliases`
 * (e.g. Langflow's namespaced `ext:amazon:AmazonBedrockConverseModel@official`) resolve to it in `get`, `has` and
 * `create`.
 */
export class ComponentRegistry {
  readonly #definitions = new Map<string, AnyDefinition>();
  readonly #byAlias = new Map<string, AnyDefinition>();

  /** Starts with `definitions` registered (in order). */
  constructor(definitions: Iterable<AnyDefinition> = []) {
    for (const definition of definitions) this.register(definition);
  }

  /** Adds a definition; a second one with the same name throws {@link ComponentDefinitionError}. Returns `this`. */
  register(definition: AnyDefinition): this {
    const names = [definition.name, ...(definition.aliases ?? [])];
    for (const name of names) {
      if (this.#definitions.has(name) || this.#byAlias.has(name)) {
        throw new ComponentDefinitionError(definition.name, name === definition.name ? 'is already registered' : `alias "${name}" is already registered`);
      }
    }
    this.#definitions.set(definition.name, definition);
    for (const alias of definition.aliases ?? []) this.#byAlias.set(alias, definition);
    return this;
  }

  /** The definition named `name` (or aliased so), or `undefined`. */
  get(name: string): AnyDefinition | undefined {
    return this.#definitions.get(name) ?? this.#byAlias.get(name);
  }

  /** Whether `name` is registered, as a name or an alias. */
  has(name: string): boolean {
    return this.#definitions.has(name) || this.#byAlias.has(name);
  }

  /** All definitions in registration order. */
  list(): AnyDefinition[] {
    return [...this.#definitions.values()];
  }

  /** Validates `rawValues` and builds the component named (or aliased) `name`; throws a `RangeError` for an unknown name. */
  create(name: string, ctx: ComponentContext, rawValues: Readonly<Record<string, unknown>> = {}, options: CreateComponentOptions = {}) {
    const definition = this.get(name);
    if (!definition) throw new RangeError(`Unknown component "${name}" (registered: ${[...this.#definitions.keys()].join(', ') || 'none'})`);
    return createComponent(definition, ctx, rawValues, options);
  }

  /** The palette manifest: plain JSON, no secret values (only variable names as defaults). */
  manifest(): ComponentManifest {
    return { manifestVersion: 1, components: this.list().map(buildManifestEntry) };
  }

  /** The manifest entry of the component named (or aliased) `name`, or `undefined`. */
  manifestEntry(name: string): ManifestComponent | undefined {
    const definition = this.get(name);
    return definition ? buildManifestEntry(definition) : undefined;
  }
}
