import { z } from 'zod';
import type { ComponentDefinition } from '../definition/component-definition';
import type { InputSpec } from '../inputs/input-spec';
import type { ManifestComponent, ManifestInput } from './manifest-types';

function defaultValueOf(spec: InputSpec): unknown {
  const raw = spec.defaultValue;
  if (spec.secret) {
    // Only a variable NAME may reach the manifest, never a value.
    const variable = raw !== null && typeof raw === 'object' ? (raw as { variable?: unknown }).variable : undefined;
    return typeof variable === 'string' ? variable : undefined;
  }
  return raw;
}

function jsonSchemaOf(spec: InputSpec, value: unknown): Record<string, unknown> {
  const schema = z.toJSONSchema(spec.schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  if (value !== undefined && !spec.secret) schema.default = value;
  return schema;
}

function manifestInput(name: string, spec: InputSpec): ManifestInput {
  const value = defaultValueOf(spec);
  const { ui } = spec;
  const input: ManifestInput = {
    name,
    displayName: ui.displayName,
    type: spec.kind,
    required: ui.required,
    advanced: ui.advanced,
    allowed: spec.allowed,
    schema: jsonSchemaOf(spec, value),
  };
  if (ui.info !== undefined) input.info = ui.info;
  if (value !== undefined) input.value = JSON.parse(JSON.stringify(value));
  if (ui.options !== undefined) input.options = [...ui.options];
  if (ui.combobox !== undefined) input.combobox = ui.combobox;
  if (ui.password !== undefined) input.password = ui.password;
  if (ui.multiline !== undefined) input.multiline = ui.multiline;
  if (ui.isList !== undefined) input.isList = ui.isList;
  if (ui.loadFromDb !== undefined) input.loadFromDb = ui.loadFromDb;
  if (ui.inputTypes !== undefined) input.inputTypes = [...ui.inputTypes];
  if (ui.placeholder !== undefined) input.placeholder = ui.placeholder;
  return input;
}

/** The manifest entry of one definition: metadata, inputs with JSON Schema and UI metadata, outputs, flags. */
export function buildManifestEntry(definition: ComponentDefinition<any, any>): ManifestComponent { // eslint-disable-line @typescript-eslint/no-explicit-any
  const entry: ManifestComponent = {
    name: definition.name,
    displayName: definition.displayName,
    description: definition.description,
    icon: definition.icon,
    category: definition.category,
    beta: definition.beta ?? false,
    legacy: definition.legacy ?? false,
    inputs: Object.entries(definition.inputs as Record<string, InputSpec>).map(([name, spec]) => manifestInput(name, spec)),
    outputs: definition.outputs.map((output) => ({
      name: output.name,
      displayName: output.displayName,
      method: output.method,
      types: [...output.types],
    })),
  };
  if (definition.documentation !== undefined) entry.documentation = definition.documentation;
  if (definition.replacement !== undefined) entry.replacement = definition.replacement;
  if (definition.aliases !== undefined && definition.aliases.length > 0) entry.aliases = [...definition.aliases];
  return entry;
}
