import type { InputSpecs, InputValues } from '../inputs/input-spec';
import type { ComponentContext } from './component-context';

/** One output of a component: Langflow name, label, the method that produces it and its result types. */
export interface OutputSpec<M extends string = string> {
  /** Output name, e.g. `text_output`. */
  name: string;
  /** Label, e.g. `Model Response`. */
  displayName: string;
  /** Name of the method producing it, e.g. `text_response`. */
  method: M;
  /** Langflow result types, e.g. `['Message']` or `['LanguageModel']`. */
  types: readonly string[];
}

/**
 * An output method: receives the build context, the validated input values and optional per-call options
 * (e.g. `onToken` for streaming).
 */
export type ComponentMethod<I extends InputSpecs> = (
  ctx: ComponentContext,
  values: InputValues<I>,
  options?: any, // eslint-disable-line @typescript-eslint/no-explicit-any -- each method documents its own options
) => unknown;

/** A component definition: what the palette shows and how each output is built. */
export interface ComponentDefinition<I extends InputSpecs = InputSpecs, M extends Record<string, ComponentMethod<I>> = Record<string, ComponentMethod<I>>> {
  /** Exact Langflow component name, e.g. `AmazonBedrockConverseModel` (keeps saved flows and tweaks working). */
  name: string;
  /** Label, e.g. `Amazon Bedrock Converse`. */
  displayName: string;
  /** One-sentence description. */
  description: string;
  /** Icon name (Langflow: `Amazon`). */
  icon: string;
  /** Palette category, e.g. `models` or `embeddings`. */
  category: string;
  /** Shown as beta. Default `false`. */
  beta?: boolean;
  /** Shown as legacy. Default `false`. */
  legacy?: boolean;
  /** Documentation URL. Default none. */
  documentation?: string;
  /** Name of the component that replaces this legacy one, as Langflow writes it (e.g. `amazon.AmazonBedrockConverseModel`). Default none. */
  replacement?: string;
  /**
   * Other names the palette knows this component by (e.g. Langflow's namespaced `ext:amazon:<Class>@official` and
   * `amazon.<Class>`); the registry resolves them to this definition. Default none.
   */
  aliases?: readonly string[];
  /**
   * Input names saved by older versions, old -> current (e.g. `aws_access_key` -> `aws_access_key_id`): a saved value
   * under an old name is validated and used exactly like the current input. Default none.
   */
  legacyFields?: Readonly<Record<string, string>>;
  /** Inputs by name, in palette order. */
  inputs: I;
  /** Outputs; each `method` must be a key of `methods`. */
  outputs: readonly OutputSpec<Extract<keyof M, string>>[];
  /** Output methods by name. */
  methods: M;
  /**
   * Added to the warning given when a value arrives for an input this component does not have but another has (e.g.
   * `Sampling settings of AmazonBedrockModel go in model_kwargs.`). Default none.
   */
  misplacedInputHint?: string;
  /** Prefix of validation error messages; default `Invalid inputs for <name>: `. */
  validationErrorPrefix?: string;
}
