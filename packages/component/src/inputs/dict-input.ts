import { z } from 'zod';
import { baseUi, createInputSpec, InputProblem, UNSET } from './create-input-spec';
import type { BaseInputOptions, InputSpec } from './input-spec';
import { findDictProblem } from '../validation/find-dict-problem';

/** A JSON dict as a dict input yields it. */
export type Dict = Record<string, unknown>;

/** Options of {@link dictInput}. */
export interface DictInputOptions extends BaseInputOptions {
  /** Default value. Default `{}`. */
  default?: Dict | Dict[];
}

const dictSchema = z.record(z.string(), z.unknown());

/**
 * A list of dicts (Langflow `DictInput` with `is_list=True`, e.g. `additional_model_fields`). Accepts one dict or a
 * list of dicts; rejects non-dicts and `__proto__`/`constructor`/`prototype` keys at any depth.
 * Value: `Dict[]` (unset -> `[]`); merge it with `mergeDicts`.
 */
export function dictInput(options: DictInputOptions): InputSpec<Dict[]> {
  const ui = baseUi(options);
  ui.isList = true;
  return createInputSpec<Dict[]>({
    kind: 'DictInput',
    ui,
    defaultValue: options.default ?? {},
    // One dict or a list of dicts, as `normalize` accepts: the manifest's schema must accept the `{}` default.
    schema: z.union([dictSchema, z.array(dictSchema)]),
    allowed: 'a dict or a list of dicts of JSON values, without __proto__/constructor/prototype keys',
    unsetValue: [],
    normalize: (raw) => {
      if (raw === null || raw === '') return UNSET;
      const items = Array.isArray(raw) ? raw : [raw];
      for (let i = 0; i < items.length; i += 1) {
        const problem = findDictProblem(items[i], Array.isArray(raw) ? `item ${i}` : 'value');
        if (problem) return new InputProblem(problem);
      }
      return items;
    },
  });
}
