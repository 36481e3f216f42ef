import type { INodeProperties } from 'n8n-workflow';
import { manifestInput, type AnyComponentDefinition } from './component-manifest';
import type { ParameterBinding } from './parameter-binding';
import { propertyFromInput, type PropertyOverrides } from './property-from-input';

/** Name of the "Options" collection of every bedrock-flow node (n8n's convention for advanced fields). */
export const OPTIONS_PARAMETER = 'options';

/** A bound option plus editor-only overrides. */
export interface OptionSpec extends ParameterBinding {
  overrides?: PropertyOverrides;
}

/**
 * n8n's "Options" collection ("Add Option") built from component inputs, in the given order, plus `extra` options
 * that are not component inputs.
 */
export function optionsCollection(definition: AnyComponentDefinition, options: readonly OptionSpec[], extra: readonly INodeProperties[] = []): INodeProperties {
  return {
    displayName: 'Options',
    name: OPTIONS_PARAMETER,
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    options: [...options.map((option) => propertyFromInput(definition, option.input, option.parameter, option.overrides)), ...extra],
  };
}

/** Component input name -> the label an n8n user sees (`Options › Temperature`), for error messages. */
export function optionLabels(definition: AnyComponentDefinition, options: readonly OptionSpec[], prefix = 'Options › '): Record<string, string> {
  return Object.fromEntries(options.map((option) => [option.input, `${prefix}${option.overrides?.displayName ?? manifestInput(definition, option.input).displayName}`]));
}
