import type { InputKind } from '../inputs/input-kind';

/** One input as the palette renders it. Plain JSON; secret inputs carry only a variable name as `value`. */
export interface ManifestInput {
  name: string;
  displayName: string;
  /** Langflow input class, e.g. `SecretStrInput`. */
  type: InputKind;
  info?: string;
  required: boolean;
  advanced: boolean;
  /** Default value (Langflow `value`); for secrets with `loadFromDb` the variable name, otherwise absent. */
  value?: unknown;
  options?: string[];
  combobox?: boolean;
  password?: boolean;
  multiline?: boolean;
  isList?: boolean;
  loadFromDb?: boolean;
  inputTypes?: string[];
  placeholder?: string;
  /** What the input accepts, in words. */
  allowed: string;
  /** JSON Schema (draft 2020-12) of the value, from the input's zod schema. */
  schema: Record<string, unknown>;
}

/** One output as the palette renders it. */
export interface ManifestOutput {
  name: string;
  displayName: string;
  method: string;
  types: string[];
}

/** One component in the manifest. */
export interface ManifestComponent {
  name: string;
  displayName: string;
  description: string;
  icon: string;
  category: string;
  beta: boolean;
  legacy: boolean;
  documentation?: string;
  /** For a legacy component: the component that replaces it (Langflow's `replacement`, e.g. `amazon.AmazonBedrockConverseModel`). */
  replacement?: string;
  /** Other names the component is known by (Langflow's namespaced palette ids); the registry resolves them. */
  aliases?: string[];
  inputs: ManifestInput[];
  outputs: ManifestOutput[];
}

/** The whole palette manifest: plain JSON that survives `JSON.stringify`/`JSON.parse` unchanged. */
export interface ComponentManifest {
  /** Manifest format version. */
  manifestVersion: 1;
  components: ManifestComponent[];
}
