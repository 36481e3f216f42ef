import { z } from 'zod';
import { baseUi, createInputSpec } from './create-input-spec';
import type { BaseInputOptions, InputSpec } from './input-spec';

/** Options of {@link dropdownInput}. */
export interface DropdownInputOptions extends BaseInputOptions {
  /** The listed options. */
  options: readonly string[];
  /** Default option. Default none (unset). */
  default?: string;
  /**
   * Schema a typed value must satisfy; giving it turns on free entry (Langflow `combobox`). Default none: only the
   * listed options are accepted.
   */
  typedValue?: z.ZodType<string>;
  /** What the input accepts, in words. Default `one of the listed options` (plus the typed-value rule). */
  allowed?: string;
}

/**
 * A dropdown (Langflow `DropdownInput`). With `typedValue` it is a combobox: the listed options or any value matching
 * `typedValue`. Value: `string | undefined`.
 */
export function dropdownInput(options: DropdownInputOptions): InputSpec<string | undefined> {
  const ui = baseUi(options);
  ui.options = [...options.options];
  const combobox = options.typedValue !== undefined;
  ui.combobox = combobox;
  const listed = z.enum(options.options as [string, ...string[]]);
  const schema = options.typedValue ?? listed;
  return createInputSpec<string | undefined>({
    kind: 'DropdownInput',
    ui,
    defaultValue: options.default,
    schema,
    allowed:
      options.allowed ??
      (combobox ? 'one of the listed options or a typed value of the same shape' : `one of ${options.options.join(', ')}`),
  });
}
