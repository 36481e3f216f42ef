import { ComponentValidationError } from '../validation/component-validation-error';
import { findDictProblem } from '../validation/find-dict-problem';

/** Options of {@link mergeDicts}. */
export interface MergeDictsOptions {
  /** Input name used in the error. Default `additional_model_fields`. */
  field?: string;
  /** Component name used in the error. Default `component`. */
  component?: string;
}

/**
 * Merges Langflow list-of-dicts inputs (`additional_model_fields`, `model_kwargs`) in order, last wins, shallowly (as
 * Python's `dict.update`). `undefined`/`null` or `[]` give `{}`; a single dict is taken as a one-item list. Throws a
 * {@link ComponentValidationError} for a non-dict item or a `__proto__`/`constructor`/`prototype` key.
 */
export function mergeDicts(dicts: unknown, options: MergeDictsOptions = {}): Record<string, unknown> {
  const field = options.field ?? 'additional_model_fields';
  if (dicts === undefined || dicts === null) return {};
  const items = Array.isArray(dicts) ? dicts : [dicts];
  const merged: Record<string, unknown> = {};
  items.forEach((item, index) => {
    const problem = findDictProblem(item, Array.isArray(dicts) ? `item ${index}` : 'value');
    if (problem) {
      throw new ComponentValidationError(options.component ?? 'component', [
        { field, problem, allowed: 'a dict or a list of dicts of JSON values, without __proto__/constructor/prototype keys' },
      ]);
    }
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) merged[key] = value;
  });
  return merged;
}
