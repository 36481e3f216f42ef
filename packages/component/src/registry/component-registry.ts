import type { ComponentContext } from '../definition/component-context';
import type { ComponentDefinition } from '../definition/component-definition';
import { ComponentDefinitionError } from '../definition/component-definition-error';
import { createComponent, type CreateComponentOptions } from '../definition/create-component';
import { buildManifestEntry } from './build-manifest-entry';
import type { ComponentManifest } from './manifest-types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefinition = ComponentDefinition<any, any>;

/** A set of component definitions by Langflow name, and the palette manifest built from them. */
export class ComponentRegistry {
  readonly #definitions = new Map<string, AnyDefinition>();

  /** Starts with `definitions` registered (in order). */
  constructor(definitions: Iterable<AnyDefinition> = []) {
    for (const definition of definitions) this.register(definition);
  }

  /** Adds a definition; a second one with the same name throws {@link ComponentDefinitionError}. Returns `this`. */
  register(definition: AnyDefinition): this {
    if (this.#definitions.has(definition.name)) throw new ComponentDefinitionError(definition.name, 'is already registered');
    this.#definitions.set(definition.name, definition);
    return this;
  }

  /** The definition named `name`, or `undefined`. */
  get(name: string): AnyDefinition | undefined {
    return this.#definitions.get(name);
  }

  /** Whether `name` is registered. */
  has(name: string): boolean {
    return this.#definitions.has(name);
  }

  /** All definitions in registration order. */
  list(): AnyDefinition[] {
    return [...this.#definitions.values()];
  }

  /** Validates `rawValues` and builds the component named `name`; throws a `RangeError` for an unknown name. */
  create(name: string, ctx: ComponentContext, rawValues: Readonly<Record<string, unknown>> = {}, options: CreateComponentOptions = {}) {
    const definition = this.#definitions.get(name);
    if (!definition) throw new RangeError(`Unknown component "${name}" (registered: ${[...this.#definitions.keys()].join(', ') || 'none'})`);
    return createComponent(definition, ctx, rawValues, options);
  }

  /** The palette manifest: plain JSON, no secret values (only variable names as defaults). */
  manifest(): ComponentManifest {
    return { manifestVersion: 1, components: this.list().map(buildManifestEntry) };
  }
}
