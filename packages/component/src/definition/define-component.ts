import type { InputSpecs } from '../inputs/input-spec';
import type { ComponentDefinition, ComponentMethod } from './component-definition';
import { ComponentDefinitionError } from './component-definition-error';
import { recordComponentInputs } from './known-inputs';

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const FIELD = /^[a-z_][a-z0-9_]*$/;

/**
 * Checks a definition (names, unique outputs, every output method present) and returns it with its types
 * inferred. Throws {@link ComponentDefinitionError}.
 */
export function defineComponent<I extends InputSpecs, M extends Record<string, ComponentMethod<I>>>(
  definition: ComponentDefinition<I, M>,
): ComponentDefinition<I, M> {
  const { name } = definition;
  if (!NAME.test(name)) throw new ComponentDefinitionError(name, 'name must be an identifier (letters, digits, _)');
  for (const field of Object.keys(definition.inputs)) {
    if (!FIELD.test(field)) throw new ComponentDefinitionError(name, `input name "${field}" must be snake_case`);
  }
  for (const [oldName, current] of Object.entries(definition.legacyFields ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(definition.inputs, current)) {
      throw new ComponentDefinitionError(name, `legacy field "${oldName}" maps to "${current}", which is not an input`);
    }
    if (Object.prototype.hasOwnProperty.call(definition.inputs, oldName)) {
      throw new ComponentDefinitionError(name, `legacy field "${oldName}" is also an input name`);
    }
  }
  const outputNames = new Set<string>();
  for (const output of definition.outputs) {
    if (outputNames.has(output.name)) throw new ComponentDefinitionError(name, `duplicate output "${output.name}"`);
    outputNames.add(output.name);
    if (typeof definition.methods[output.method] !== 'function') {
      throw new ComponentDefinitionError(name, `output "${output.name}" names method "${output.method}", which is not in methods`);
    }
    if (Object.prototype.hasOwnProperty.call(definition.inputs, output.method)) {
      throw new ComponentDefinitionError(name, `method "${output.method}" clashes with an input name`);
    }
  }
  recordComponentInputs(name, Object.keys(definition.inputs));
  return definition;
}
