import { inputField, type ComponentManifest, type ManifestComponent, type ManifestInput } from '@bedrock-flow/component';
import { COMPONENT_NODES, CONFIG_NODE_TYPE, CONNECTION_FIELDS, isNodeInput } from '../nodes/lib/node-catalog';
import { controlOf, defaultValueOf, nodeField, type EditorField } from './editor-field';

/** The edit form of one node type, derived from the manifest. */
export interface EditorForm {
  /** Node-RED node type, e.g. `bedrock-converse`. */
  type: string;
  /** The manifest component it stands for (`undefined` for the config node, which serves all three). */
  component?: ManifestComponent;
  /** Fields in form order (basic first, then advanced). */
  fields: EditorField[];
}

function manifestEntry(manifest: ComponentManifest, name: string): ManifestComponent {
  const entry = manifest.components.find((component) => component.name === name);
  if (!entry) throw new RangeError(`The manifest has no component "${name}" (has: ${manifest.components.map((c) => c.name).join(', ')})`);
  return entry;
}

function basicFirst(fields: EditorField[]): EditorField[] {
  return [...fields.filter((field) => !field.advanced), ...fields.filter((field) => field.advanced)];
}

/** The model id field of a component node lists the account's models live (a combobox, so any id can still be typed). */
function withLiveModels(field: EditorField): EditorField {
  return field.input.name === 'model_id' && field.control === 'combobox' ? { ...field, liveModels: true } : field;
}

/** The forms of the component nodes: every manifest input that is neither a connection input nor `msg.payload`. */
export function componentNodeForms(manifest: ComponentManifest): EditorForm[] {
  return Object.values(COMPONENT_NODES).map((spec) => {
    const component = manifestEntry(manifest, spec.component);
    const fields = component.inputs.filter((input) => isNodeInput(spec, input.name)).map(nodeField).map(withLiveModels);
    return { type: spec.type, component, fields: basicFirst(fields) };
  });
}

/** The first manifest input named `name` across the components (connection inputs are shared by all three). */
function connectionInput(manifest: ComponentManifest, name: string): ManifestInput {
  for (const component of manifest.components) {
    const input = component.inputs.find((candidate) => candidate.name === name);
    if (input) return input;
  }
  throw new RangeError(`No component in the manifest has the connection input "${name}"`);
}

/**
 * Shown under the config node's endpoint field. Every flow editor can change every node in Node-RED, so keys and API
 * keys stored here are the host's: they go only to AWS endpoints and the hosts the operator allows.
 */
export const ENDPOINT_NOTE =
  "Keys and API keys stored in this config node are the host's: they are sent only to AWS Bedrock endpoints and to the hosts the operator allows in settings.js (bedrockFlow.endpointPolicy.allowedHosts), loopback included. Leave empty for the region's AWS endpoint.";

/** The config node's form: one field per connection input; keys and token as credentials. */
export function configNodeForm(manifest: ComponentManifest): EditorForm {
  const fields = CONNECTION_FIELDS.map((field): EditorField => {
    const input = connectionInput(manifest, field.input);
    if ('credential' in field) {
      return { property: field.credential, input, form: inputField(input), control: field.type, credential: true, defaultValue: undefined, advanced: input.advanced };
    }
    // A profile name is not a secret: a plain text field (Langflow shows it as a password field).
    const control = input.type === 'SecretStrInput' ? 'text' : controlOf(input);
    const note = field.input === 'endpoint_url' ? ENDPOINT_NOTE : undefined;
    return { property: field.property, input, form: inputField(input), control, credential: false, defaultValue: defaultValueOf(input), advanced: input.advanced, ...(note ? { note } : {}) };
  });
  return { type: CONFIG_NODE_TYPE, fields: basicFirst(fields) };
}
