import { inputField, type InputField, type ManifestInput } from '@bedrock-flow/component';

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
  /** The host-neutral field of that input (kind, bounds, choices) that the form renders from. */
  form: InputField;
  control: EditorControl;
  /** Saved in Node-RED's credential store instead of the flow. */
  credential: boolean;
  /** Default property value as Node-RED stores it (dicts as JSON text); `undefined` for credentials. */
  defaultValue: unknown;
  /** Listed under "Advanced". */
  advanced: boolean;
  /** A note shown under the control (what the runtime does with the value), or none. */
  note?: string;
  /**
   * The field's choices are the live list of the dialog's AWS config node (`GET bedrock-flow/models`), with a line
   * under it saying where the list came from. Default: off (the manifest's static choices only).
   */
  liveModels?: boolean;
}

/** The Node-RED control for a manifest input: its host-neutral field kind, rendered as a Node-RED form control. */
export function controlOf(input: ManifestInput): EditorControl {
  const form = inputField(input);
  switch (form.kind) {
    case 'boolean':
      return 'checkbox';
    case 'number':
    case 'integer':
      return 'number';
    case 'choice':
      return form.customValue ? 'combobox' : 'select';
    case 'multiline':
      return 'textarea';
    default:
      return form.kind;
  }
}

/** The default a Node-RED form stores for `input`: the field default, dicts as JSON text, unset (and secrets) as `''`. */
export function defaultValueOf(input: ManifestInput): unknown {
  const form = inputField(input);
  if (form.kind === 'json') return JSON.stringify(form.default ?? {});
  return form.default ?? '';
}

/** A field for a component input edited on the node itself (property = input name). */
export function nodeField(input: ManifestInput): EditorField {
  return { property: input.name, input, form: inputField(input), control: controlOf(input), credential: false, defaultValue: defaultValueOf(input), advanced: input.advanced };
}
