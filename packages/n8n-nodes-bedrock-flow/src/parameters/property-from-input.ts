import { inputField, type InputField } from '@bedrock-flow/component';
import type { INodeProperties } from 'n8n-workflow';
import { manifestInput, type AnyComponentDefinition } from './component-manifest';

/** What the n8n editor needs beyond the component's own metadata (e.g. a different label or default). */
export type PropertyOverrides = Partial<Omit<INodeProperties, 'name'>>;

function bounds(field: InputField): { minValue?: number; maxValue?: number } {
  return { ...(field.min === undefined ? {} : { minValue: field.min }), ...(field.max === undefined ? {} : { maxValue: field.max }) };
}

/**
 * An n8n property generated from a component input, rendered from the shared host-neutral field (`inputField` in
 * `@bedrock-flow/component`): label, help text, default, real numeric bounds and choices come from the component's
 * manifest, so the n8n node cannot drift from the Langflow-shaped component it runs, nor from the Node-RED form.
 * number -> number (2 decimals), integer -> number (whole), boolean -> boolean, json -> JSON text, choice -> options,
 * anything else -> string.
 */
export function propertyFromInput(definition: AnyComponentDefinition, inputName: string, parameter: string, overrides: PropertyOverrides = {}): INodeProperties {
  const field = inputField(manifestInput(definition, inputName));
  const base = { displayName: field.label, name: parameter, ...(field.help ? { description: field.help } : {}) };
  let property: INodeProperties;
  switch (field.kind) {
    case 'number':
    case 'integer':
      property = { ...base, type: 'number', default: (field.default as number | undefined) ?? 0, typeOptions: { ...bounds(field), numberPrecision: field.kind === 'integer' ? 0 : 2 } };
      break;
    case 'boolean':
      property = { ...base, type: 'boolean', default: (field.default as boolean | undefined) ?? false };
      break;
    case 'json':
      property = { ...base, type: 'json', default: JSON.stringify(field.default ?? {}) };
      break;
    case 'choice': {
      const choices = (field.options ?? []).map((option) => ({ name: String(option), value: option }));
      property = { ...base, type: 'options', options: choices, default: (field.default as string | number | undefined) ?? choices[0]?.value ?? '' };
      break;
    }
    default:
      property = { ...base, type: 'string', default: typeof field.default === 'string' ? field.default : '' };
  }
  return { ...property, ...overrides } as INodeProperties;
}
