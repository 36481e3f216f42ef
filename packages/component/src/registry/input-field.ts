import type { ManifestInput } from './manifest-types';

/**
 * How a host edits a manifest input, host-neutral: `text` (one line), `multiline`, `password` (a masked secret),
 * `json` (a dict as JSON text), `boolean`, `integer`, `number` (a float) and `choice` (a dropdown).
 */
export type InputFieldKind = 'text' | 'multiline' | 'password' | 'json' | 'boolean' | 'integer' | 'number' | 'choice';

/**
 * One manifest input as a form field that every host renders from (Node-RED's generated edit dialogs, n8n's node
 * properties, a third host's form): the control kind, default, real numeric bounds, choices, label, help and flags.
 */
export interface InputField {
  /** The manifest input name (the component's input). */
  name: string;
  /** Label (the manifest display name). */
  label: string;
  /** Help text (the manifest `info`), if any. */
  help?: string;
  kind: InputFieldKind;
  /**
   * The manifest default as the component takes it (numbers, booleans, dict objects, strings); `undefined` when the
   * input has none, and always for secrets (a secret's manifest default is a variable name, never a value).
   */
  default?: unknown;
  /** Lower bound from the input's JSON Schema, only when it is a real limit (zod's ±MAX_SAFE_INTEGER placeholders are not). */
  min?: number;
  /** Upper bound, likewise. */
  max?: number;
  /** The choices of a `choice` field, typed as the component's value (numeric dropdowns keep numbers). */
  options?: ReadonlyArray<string | number>;
  /** A `choice` field also accepts a value outside `options` (a combobox). */
  customValue: boolean;
  /** A secret input (`SecretStrInput`): a host stores it apart from the flow where it can. */
  secret: boolean;
  /** Shown under "Advanced" / "Options". */
  advanced: boolean;
  required: boolean;
  placeholder?: string;
}

/** Whether a JSON Schema `minimum`/`maximum` is a real limit (zod writes ±MAX_SAFE_INTEGER for plain integers). */
export function isRealBound(limit: unknown): limit is number {
  return typeof limit === 'number' && Number.isFinite(limit) && Math.abs(limit) < Number.MAX_SAFE_INTEGER;
}

function kindOf(input: ManifestInput): InputFieldKind {
  switch (input.type) {
    case 'BoolInput':
      return 'boolean';
    case 'FloatInput':
      return 'number';
    case 'IntInput':
      return 'integer';
    case 'DictInput':
      return 'json';
    case 'MultilineInput':
      return 'multiline';
    case 'SecretStrInput':
      return input.password ? 'password' : 'text';
    case 'DropdownInput':
      return 'choice';
    default:
      return input.multiline ? 'multiline' : 'text';
  }
}

/** The host-neutral form field of a manifest input (see {@link InputField}). */
export function inputField(input: ManifestInput): InputField {
  const kind = kindOf(input);
  const secret = input.type === 'SecretStrInput';
  const schema = input.schema as { minimum?: unknown; maximum?: unknown };
  const numeric = kind === 'number' || kind === 'integer';
  // Numeric dropdowns (Titan v2 dimensions) keep numbers, so a host's saved value has the component's type.
  const numericChoice = kind === 'choice' && typeof input.value === 'number';
  return {
    name: input.name,
    label: input.displayName,
    ...(input.info ? { help: input.info } : {}),
    kind,
    ...(!secret && input.value !== undefined ? { default: input.value } : {}),
    ...(numeric && isRealBound(schema.minimum) ? { min: schema.minimum } : {}),
    ...(numeric && isRealBound(schema.maximum) ? { max: schema.maximum } : {}),
    ...(kind === 'choice' ? { options: (input.options ?? []).map((option) => (numericChoice ? Number(option) : option)) } : {}),
    customValue: kind === 'choice' && input.combobox !== false,
    secret,
    advanced: input.advanced,
    required: input.required,
    ...(input.placeholder ? { placeholder: input.placeholder } : {}),
  };
}
