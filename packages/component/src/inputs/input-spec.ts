import type { z } from 'zod';
import type { VariableResolver } from '../secrets/variable-resolver';
import type { InputKind } from './input-kind';

/** UI metadata of an input, as Langflow's input classes carry it. */
export interface InputUi {
  /** Label in the palette, e.g. `Model ID`. */
  displayName: string;
  /** Help text shown next to the field. Default none. */
  info?: string;
  /** Hidden under "advanced" in the node. Default `false`. */
  advanced: boolean;
  /** Marked as required in the palette. Default `false`. */
  required: boolean;
  /** Dropdown options. */
  options?: readonly string[];
  /** Dropdown accepts typed values besides the options (Langflow `combobox`). Default `false`. */
  combobox?: boolean;
  /** Rendered as a password field (secret inputs). Default `false`. */
  password?: boolean;
  /** Multi-line text area. Default `false`. */
  multiline?: boolean;
  /** The value is a list (Langflow `is_list`). Default `false`. */
  isList?: boolean;
  /** The default is a variable name resolved from the host's variables (Langflow `load_from_db`). Default `false`. */
  loadFromDb?: boolean;
  /** Types of upstream outputs that may connect to this input (e.g. `['Message']`). Default none. */
  inputTypes?: readonly string[];
  /** Placeholder text. Default none. */
  placeholder?: string;
}

/** Result of parsing one raw input value. `problem` never contains a secret. */
export type InputParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * One input of a component: its Langflow kind, UI metadata, default, a zod schema of the canonical value (the
 * manifest's JSON Schema comes from it) and the parser that validates a raw value. `T` is the value the component's
 * methods receive. Build inputs with the builders (`floatInput`, `secretStrInput`, `awsCredentialInputs`, …).
 */
export interface InputSpec<T = unknown> {
  /** Langflow input class. */
  readonly kind: InputKind;
  /** UI metadata. */
  readonly ui: InputUi;
  /** Raw default used when the host passes nothing (`undefined`); for secrets a variable reference. */
  readonly defaultValue?: unknown;
  /** Zod schema of the canonical value (after coercion and secret resolution). */
  readonly schema: z.ZodType;
  /** What the input accepts, in words, for error messages. */
  readonly allowed: string;
  /** The value is secret: never echoed in errors, manifests or logs. */
  readonly secret: boolean;
  /** Renders a rejected raw value for an issue's `received`; default JSON, cut short. Secrets have none. */
  describeReceived?(raw: unknown): string;
  /** Validates and normalises a raw value (already defaulted). */
  parse(raw: unknown, resolve: VariableResolver): InputParseResult<T>;
}

/** Map of input name -> spec, in palette order. */
export type InputSpecs = Record<string, InputSpec<unknown>>;

/** The value type an input yields. */
export type InputValueOf<S> = S extends InputSpec<infer T> ? T : never;

/** The validated values of a set of inputs, as component methods receive them. */
export type InputValues<I extends InputSpecs> = { [K in keyof I]: InputValueOf<I[K]> };

/** UI options every builder accepts. */
export interface BaseInputOptions {
  /** Label in the palette. */
  displayName: string;
  /** Help text. Default none. */
  info?: string;
  /** Default `false`. */
  advanced?: boolean;
  /** Default `false`. */
  required?: boolean;
  /** Placeholder text. Default none. */
  placeholder?: string;
}
