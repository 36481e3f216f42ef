import { z } from 'zod';
import { baseUi, createInputSpec, UNSET } from './create-input-spec';
import type { BaseInputOptions, InputSpec } from './input-spec';

/** Options of {@link boolInput}. */
export interface BoolInputOptions extends BaseInputOptions {
  /** Default value. Default `false`. */
  default?: boolean;
}

/** A toggle (Langflow `BoolInput`). Accepts booleans and `"true"`/`"false"`. Value: `boolean` (unset -> the default). */
export function boolInput(options: BoolInputOptions): InputSpec<boolean> {
  const fallback = options.default ?? false;
  return createInputSpec<boolean>({
    kind: 'BoolInput',
    ui: baseUi(options),
    defaultValue: fallback,
    schema: z.boolean(),
    allowed: 'true or false',
    unsetValue: fallback,
    normalize: (raw) => {
      if (raw === null || raw === '') return UNSET;
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      return raw;
    },
  });
}
