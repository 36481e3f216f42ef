import type { INodeProperties } from 'n8n-workflow';
import { manifestInput, type AnyComponentDefinition } from './component-manifest';

/** What the n8n editor needs beyond the component's own metadata (e.g. a different label or default). */
export type PropertyOverrides = Partial<Omit<INodeProperties, 'name'>>;

function bounds(schema: Record<string, unknown>): { minValue?: number; maxValue?: number } {
  const out: { minValue?: number; maxValue?: number } = {};
  if (typeof schema.minimum === 'number') out.minValue = schema.minimum;
  if (typeof schema.maximum === 'number') out.maxValue = schema.maximum;
  return out;
}

/**
 * An n8n property generated from a component input: label, help text, default and numeric bounds come from the
 * component's manifest, so the n8n node cannot drift from the Langflow-shaped component it runs.
 * Float -> number (2 decimals), Int -> number (whole), Bool -> boolean, Dict -> JSON text, Dropdown -> options,
 * anything else -> string.
 */
export function propertyFromInput(definition: AnyComponentDefinition, inputName: string, parameter: string, overrides: PropertyOverrides = {}): INodeProperties {
  const input = manifestInput(definition, inputName);
  const base = { displayName: input.displayName, name: parameter, ...(input.info ? { description: input.info } : {}) };
  let property: INodeProperties;
  switch (input.type) {
    case 'FloatInput':
      property = { ...base, type: 'number', default: (input.value as number | undefined) ?? 0, typeOptions: { ...bounds(input.schema), numberPrecision: 2 } };
      break;
    case 'IntInput':
      property = { ...base, type: 'number', default: (input.value as number | undefined) ?? 0, typeOptions: { ...bounds(input.schema), numberPrecision: 0 } };
      break;
    case 'BoolInput':
      property = { ...base, type: 'boolean', default: (input.value as boolean | undefined) ?? false };
      break;
    case 'DictInput':
      property = { ...base, type: 'json', default: JSON.stringify(input.value ?? {}) };
      break;
    case 'DropdownInput': {
      // Numeric dropdowns (Titan v2 dimensions) keep numbers, so the parameter's value has the component's type.
      const numeric = typeof input.value === 'number';
      const choices = (input.options ?? []).map((option) => ({ name: option, value: numeric ? Number(option) : option }));
      property = { ...base, type: 'options', options: choices, default: (input.value as string | number | undefined) ?? choices[0]?.value ?? '' };
      break;
    }
    default:
      property = { ...base, type: 'string', default: typeof input.value === 'string' ? input.value : '' };
  }
  return { ...property, ...overrides } as INodeProperties;
}
