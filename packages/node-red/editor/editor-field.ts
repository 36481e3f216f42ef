import type { ManifestInput } from '@bedrock-flow/component';

/** How a manifest input is edited in a Node-RED form. */
export type EditorControl = 'text' | 'password' | 'textarea' | 'json' | 'checkbox' | 'number' | 'combobox' | 'select';

/**
 * One field of a generated edit dialog: the Node-RED property it saves to, the control, its default and the
 * label, help and limits from the manifest input it stands for.
 */
export interface EditorField {
  /** Node-RED property (or credential) name; the element id is `node-input-<property>` (`node-config-input-` on config nodes). */
  property: string;
  /** The manifest input it edits. */
  input: ManifestInput;
  control: EditorControl;
  /** Saved in Node-RED's credential store instead of the flow. */
  credential: boolean;
  /** Default property value as Node-RED stores it (dicts as JSON text); `undefined` for credentials. */
  defaultValue: unknown;
  /** Listed under "Advanced". */
  advanced: boolean;
  /** A note shown under the control (what the runtime does with the value), or none. */
  note?: string;
}

/** The control for a manifest input: by its Langflow input type and UI flags. */
export function controlOf(input: ManifestInput): EditorControl {
  switch (input.type) {
    case 'BoolInput':
      return 'checkbox';
    case 'FloatInput':
    case 'IntInput':
      return 'number';
    case 'DictInput':
      return 'json';
    case 'MultilineInput':
      return 'textarea';
    case 'SecretStrInput':
      return input.password ? 'password' : 'text';
    case 'DropdownInput':
      return input.combobox === false ? 'select' : 'combobox';
    default:
      return input.multiline ? 'textarea' : 'text';
  }
}

/** The default a Node-RED form stores for `input`: the manifest value, dicts as JSON text, unset as `''`. */
export function defaultValueOf(input: ManifestInput): unknown {
  if (input.type === 'DictInput') return JSON.stringify(input.value ?? {});
  if (input.type === 'SecretStrInput') return ''; // manifest secret defaults are variable names, not values
  return input.value ?? '';
}

/** A field for a component input edited on the node itself (property = input name). */
export function nodeField(input: ManifestInput): EditorField {
  return { property: input.name, input, control: controlOf(input), credential: false, defaultValue: defaultValueOf(input), advanced: input.advanced };
}

/** Whether a JSON Schema `minimum`/`maximum` is a real limit (zod writes ±MAX_SAFE_INTEGER for plain integers). */
export function isBound(limit: unknown): limit is number {
  return typeof limit === 'number' && Math.abs(limit) < Number.MAX_SAFE_INTEGER;
}
