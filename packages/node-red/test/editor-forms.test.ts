import fs from 'node:fs';
import path from 'node:path';
import type { ManifestComponent, ManifestInput } from '@bedrock-flow/component';
import { editorHtmlFiles } from '../editor/editor-html-files';
import { formRowsOf, helpOf, registrationOf } from './support/parse-editor-html';

const { componentManifest } = require('../nodes/lib/component-registry');
const { COMPONENT_NODES, CONNECTION_FIELDS, CONFIG_NODE_TYPE } = require('../nodes/lib/node-catalog');

const NODES_DIR = path.join(__dirname, '..', 'nodes');
const manifest = componentManifest();
const componentNodes: Array<{ type: string; component: string; payloadInput?: string }> = Object.values(COMPONENT_NODES);
const connectionInputs = new Set<string>(CONNECTION_FIELDS.map((field: { input: string }) => field.input));

function readEditorFile(type: string): string {
  return fs.readFileSync(path.join(NODES_DIR, `${type}.html`), 'utf8');
}

function componentOf(name: string): ManifestComponent {
  return manifest.components.find((component: ManifestComponent) => component.name === name)!;
}

/** How the editor stores a manifest default: dicts as JSON text, unset as ''. */
function storedDefault(input: ManifestInput): unknown {
  return input.type === 'DictInput' ? JSON.stringify(input.value ?? {}) : (input.value ?? '');
}

test('the committed nodes/*.html are exactly what the generator makes from the current manifest', () => {
  const generated = editorHtmlFiles(manifest);
  expect([...generated.keys()].sort()).toEqual([CONFIG_NODE_TYPE, ...componentNodes.map((n) => n.type)].map((t) => `${t}.html`).sort());
  for (const [name, html] of generated) {
    // Stale? Run `pnpm --filter @bedrock-flow/node-red build` (part of `pnpm test`).
    expect({ name, html: fs.readFileSync(path.join(NODES_DIR, name), 'utf8') }).toEqual({ name, html });
  }
});

describe.each(componentNodes)('$type form', ({ type, component: componentName, payloadInput }) => {
  const html = readEditorFile(type);
  const component = componentOf(componentName);
  const nodeInputs = component.inputs.filter((input) => !connectionInputs.has(input.name) && input.name !== payloadInput);

  test('every manifest input is on the form, the config node or msg.payload — and nothing else is', () => {
    const covered = [...nodeInputs.map((i) => i.name), ...connectionInputs, ...(payloadInput ? [payloadInput] : [])].sort();
    expect(covered).toEqual(component.inputs.map((input) => input.name).sort());
    expect(formRowsOf(html, type).map((row) => row.input).sort()).toEqual(nodeInputs.map((i) => i.name).sort());
  });

  test('defaults equal the manifest defaults', () => {
    const { type: registered, definition } = registrationOf(html);
    expect(registered).toBe(type);
    expect(Object.keys(definition.defaults).sort()).toEqual(['aws', 'name', ...nodeInputs.map((i) => i.name)].sort());
    expect(definition.defaults.aws!.type).toBe(CONFIG_NODE_TYPE);
    for (const input of nodeInputs) expect({ [input.name]: definition.defaults[input.name]!.value }).toEqual({ [input.name]: storedDefault(input) });
  });

  test('labels, tooltips, options and help text come from the manifest', () => {
    const rows = formRowsOf(html, type);
    const help = helpOf(html, type);
    for (const input of nodeInputs) {
      const row = rows.find((candidate) => candidate.input === input.name)!;
      expect({ id: row.id, label: row.label, title: row.title }).toEqual({ id: `node-input-${input.name}`, label: input.displayName, title: input.info });
      expect(row.options).toEqual(input.options ?? []);
      expect(help).toContain(input.displayName);
    }
    expect(help).toContain(component.description);
  });

  test('editor validation mirrors the manifest limits', () => {
    const { defaults } = registrationOf(html).definition;
    if (type === 'bedrock-converse') {
      expect(defaults.temperature!.validate!(3)).toBe(false);
      expect(defaults.temperature!.validate!('0.5')).toBe(true);
      expect(defaults.top_k!.validate!(2.5)).toBe(false);
      expect(defaults.additional_model_fields!.validate!('{"a":')).toBe(false);
      expect(defaults.additional_model_fields!.validate!('[{"a":1}]')).toBe(true);
    }
    for (const input of nodeInputs.filter((i) => i.type === 'FloatInput' || i.type === 'IntInput')) {
      expect(defaults[input.name]!.validate!(input.value)).toBe(true);
      expect(defaults[input.name]!.validate!('')).toBe(true);
    }
  });
});

describe('bedrock-aws-config form', () => {
  const html = readEditorFile(CONFIG_NODE_TYPE);

  test('one field per connection input, labelled from the manifest; keys and token declared as credentials', () => {
    const rows = formRowsOf(html, CONFIG_NODE_TYPE);
    expect(rows.map((row) => row.input).sort()).toEqual([...connectionInputs, 'ca'].sort());
    const converse = componentOf('AmazonBedrockConverseModel');
    for (const field of CONNECTION_FIELDS) {
      const input = converse.inputs.find((candidate) => candidate.name === field.input)!;
      const row = rows.find((candidate) => candidate.input === field.input)!;
      expect({ id: row.id, label: row.label, title: row.title }).toEqual({
        id: `node-config-input-${field.credential ?? field.property}`,
        label: input.displayName,
        title: input.info,
      });
    }
    const { definition } = registrationOf(html);
    expect(definition.category).toBe('config');
    expect(definition.credentials).toEqual({ accessKeyId: { type: 'text' }, secretAccessKey: { type: 'password' }, sessionToken: { type: 'password' }, apiKey: { type: 'password' } });
    expect(Object.keys(definition.defaults).sort()).toEqual(['ca', 'endpoint', 'name', 'profile', 'region']);
    expect(definition.defaults.region!.value).toBe(converse.inputs.find((i) => i.name === 'region_name')!.value);
    expect(rows.find((row) => row.input === 'region_name')!.options).toEqual(converse.inputs.find((i) => i.name === 'region_name')!.options);
  });

  test('the runtime declares the same credentials as the editor', () => {
    let declared: unknown;
    const RED = { nodes: { registerType: (_type: string, _ctor: unknown, options: { credentials: unknown }) => (declared = options.credentials) } };
    require('../nodes/bedrock-aws-config')(RED);
    expect(declared).toEqual(registrationOf(html).definition.credentials);
  });
});

test("the config node's endpoint field says that stored keys are the host's and which setting allows an endpoint", () => {
  const html = fs.readFileSync(path.join(__dirname, '..', 'nodes', `${CONFIG_NODE_TYPE}.html`), 'utf8');
  const row = /<div class="form-row" data-input="endpoint_url">([\s\S]*?)\n {4}<\/div>/.exec(html)?.[1] ?? '';
  expect(row).toContain('id="node-config-input-endpoint"');
  expect(row).toMatch(/<div class="form-tips" data-note="endpoint_url">Keys and API keys stored in this config node are the host&#39;s/);
  expect(row).toContain('bedrockFlow.endpointPolicy.allowedHosts');
});
