import { buildManifestEntry, type ComponentDefinition, type ManifestComponent, type ManifestInput } from '@bedrock-flow/component';

/** Any component definition (the manifest needs only its inputs' metadata). */
export type AnyComponentDefinition = ComponentDefinition<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const cache = new WeakMap<object, ManifestComponent>();

/** The manifest entry (labels, help, defaults, JSON Schema bounds) of a component definition, built once. */
export function componentManifest(definition: AnyComponentDefinition): ManifestComponent {
  let entry = cache.get(definition);
  if (!entry) {
    entry = buildManifestEntry(definition);
    cache.set(definition, entry);
  }
  return entry;
}

/** The manifest input named `name`; a `RangeError` names the component when it has none (a packaging bug). */
export function manifestInput(definition: AnyComponentDefinition, name: string): ManifestInput {
  const manifest = componentManifest(definition);
  const input = manifest.inputs.find((candidate) => candidate.name === name);
  if (!input) throw new RangeError(`${manifest.name} has no input "${name}"`);
  return input;
}
