import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { ManifestComponent, ManifestInput } from '@bedrock-flow/component';
import { editorHtmlFiles } from '../editor/editor-html-files';
import { formRowsOf, helpOf, registrationOf } from './support/parse-editor-html';
import PACKAGE_JSON from '../package.json';

const { componentManifest } = require('../nodes/lib/component-registry');
const { COMPONENT_NODES, CONNECTION_FIELDS, CONFIG_NODE_TYPE } = require('../nodes/lib/node-catalog');

const NODES_DIR = path.join(__dirname, '..', 'nodes');
const manifest = componentManifest();
const componentNodes: Array<{ type: string; component: string; payloadInput?: string; outputs?: Array<{ name: string; portLabel: string }> }> = Object.values(COMPONENT_NODES);
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

describe.each(componentNodes)('$type form', ({ type, component: componentName, payloadInput, outputs }) => {
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
    // A node with several outputs also saves which one it sends (not a component input).
    expect(Object.keys(definition.defaults).sort()).toEqual(['aws', 'name', ...(outputs ? ['output'] : []), ...nodeInputs.map((i) => i.name)].sort());
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

/**
 * The file a `<script src>` of an editor file loads: Node-RED serves `resources/<module>/<path>` from the module's
 * `resources/` folder, so the path must name this package and a file that ships in it.
 */
function resourceFile(src: string): string {
  const prefix = `resources/${PACKAGE_JSON.name}/`;
  if (!src.startsWith(prefix)) throw new Error(`script src ${src} is not under ${prefix}`);
  return path.join(__dirname, '..', 'resources', src.slice(prefix.length));
}

/** Runs every `text/javascript` script of an editor file in one context (inline, or loaded by src from the package's resources), as the editor page does; returns that context. */
function runEditorScripts(html: string): { registered: Record<string, any>; context: Record<string, any> } { // eslint-disable-line @typescript-eslint/no-explicit-any
  let registered: Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  const context: Record<string, any> = { RED: { nodes: { registerType: (_type: string, definition: Record<string, unknown>) => (registered = definition) } } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  context['window'] = context;
  vm.createContext(context);
  for (const [, src, body] of html.matchAll(/<script type="text\/javascript"(?: src="([^"]+)")?>([\s\S]*?)<\/script>/g)) {
    vm.runInContext(src ? fs.readFileSync(resourceFile(src), 'utf8') : body!, context);
  }
  return { registered: registered!, context };
}

describe('the live model list of the model fields (issue 25)', () => {
  const modelList = require('../resources/model-list-client.js');
  const staticIds = ['amazon.titan-text-express-v1', 'anthropic.claude-3-haiku-20240307-v1:0'];

  test('the dialog script ships in the package: Node-RED serves it from resources/, which the package publishes', () => {
    expect(PACKAGE_JSON.files).toContain('resources');
    for (const { type } of componentNodes) {
      const sources = [...readEditorFile(type).matchAll(/<script type="text\/javascript" src="([^"]+)"><\/script>/g)].map((match) => match[1]!);
      expect(sources).toEqual([`resources/${PACKAGE_JSON.name}/model-list-client.js`]);
      expect(fs.existsSync(resourceFile(sources[0]!))).toBe(true);
    }
  });

  test.each(componentNodes)('$type: oneditprepare wires model_id to the endpoint with the static list, and a source line sits under the field', ({ type, component }) => {
    const html = readEditorFile(type);
    const { registered, context } = runEditorScripts(html);
    const calls: unknown[] = [];
    context['bedrockFlowModelList'].attach = (options: unknown) => calls.push(options);
    registered['oneditprepare']();
    const modelInput = componentOf(component).inputs.find((input) => input.name === 'model_id')!;
    expect(calls).toEqual([{ field: 'model_id', component, staticIds: modelInput.options }]);
    const row = /<div class="form-row" data-input="model_id">([\s\S]*?)\n {4}<\/div>/.exec(html)![1]!;
    expect(row).toContain('<div class="form-tips" id="node-input-model_id-source" data-source="static">Static list: the account has not been asked yet</div>');
  });

  test('a live answer: every id in the datalist, profile-only models labelled, the line names the count and region', () => {
    const view = modelList.modelListView(
      { source: 'live', region: 'us-east-1', models: ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'amazon.nova-lite-v1:0'], profileOnly: ['anthropic.claude-sonnet-4-5-20250929-v1:0'] },
      { staticIds, saved: 'amazon.nova-lite-v1:0' },
    );
    expect(view.source).toBe('live');
    expect(view.note).toBe('Live: 3 models and inference profiles this account can call in us-east-1 (1 only through an inference profile, marked)');
    expect(view.optionsHtml).toBe(
      `<option value="anthropic.claude-sonnet-4-5-20250929-v1:0" label="anthropic.claude-sonnet-4-5-20250929-v1:0 (${modelList.escapeHtml(modelList.PROFILE_ONLY_LABEL)})"></option>` +
        '<option value="us.anthropic.claude-sonnet-4-5-20250929-v1:0"></option><option value="amazon.nova-lite-v1:0"></option>',
    );
  });

  test('a saved id missing from the list stays selectable, marked, and first; the field itself is never rewritten', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';
    const view = modelList.modelListView({ source: 'live', region: 'us-east-1', models: ['amazon.nova-lite-v1:0'], profileOnly: [] }, { staticIds, saved: arn });
    expect(view.optionsHtml).toBe(`<option value="${arn}" label="${arn} (saved; not in this list)"></option><option value="amazon.nova-lite-v1:0"></option>`);
  });

  test('a static answer or a failed request: the static list and the reason, never a silent fallback', () => {
    const notDeployed = modelList.modelListView({ source: 'static', reason: 'the AWS config node is not deployed yet', models: staticIds }, { staticIds, saved: '' });
    expect(notDeployed).toEqual({ source: 'static', note: 'Static list: the AWS config node is not deployed yet', optionsHtml: staticIds.map((id) => `<option value="${id}"></option>`).join('') });
    const forbidden = modelList.modelListView(undefined, { staticIds, saved: '', failure: modelList.failureReason({ status: 403 }) });
    expect(forbidden.note).toBe('Static list: this editor user lacks the bedrock.read permission (HTTP 403)');
    expect(forbidden.optionsHtml).toContain('amazon.titan-text-express-v1');
    expect(modelList.failureReason({ status: 0 })).toBe('the editor could not reach Node-RED (network error)');
    expect(modelList.failureReason({ status: 500, responseJSON: { error: 'model discovery failed' } })).toBe('the model list request failed (HTTP 500: model discovery failed)');
  });

  test('ids from the network are escaped: markup in a model id or saved value cannot leave the option attribute', () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const view = modelList.modelListView({ source: 'live', region: 'us-east-1', models: [hostile, 42, ''], profileOnly: [hostile] }, { staticIds, saved: `'<script>` });
    expect(view.optionsHtml).not.toMatch(/<img|<script/);
    expect(view.optionsHtml).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(view.optionsHtml).toContain('value="&#39;&lt;script&gt;"');
    // Non-string ids are dropped, not shown as "42".
    expect(view.optionsHtml).not.toContain('"42"');
    expect(view.note).toMatch(/^Live: 1 models/);
  });
});

test('bedrock-knowledge-base: an Output select (Search Results default, Answer) labelled from the manifest outputs; the port label follows it', () => {
  const spec = componentNodes.find((node) => node.type === 'bedrock-knowledge-base')!;
  const html = readEditorFile(spec.type);
  const outputs = componentOf(spec.component).outputs;
  const row = /<div class="form-row" data-node-property="output">([\s\S]*?)\n {4}<\/div>/.exec(html)![1]!;
  const options = [...row.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)].map((m) => [m[1], m[2]]);
  expect(options).toEqual(spec.outputs!.map((choice) => [choice.name, outputs.find((o: { name: string }) => o.name === choice.name)!.displayName]));
  expect(options).toEqual([['search_results', 'Search Results'], ['answer', 'Answer']]);
  const { definition } = registrationOf(html);
  expect(definition.defaults.output!.value).toBe('search_results');
  const portLabel = definition['outputLabels'] as (this: { output?: string }) => string;
  expect([portLabel.call({}), portLabel.call({ output: 'answer' })]).toEqual(['documents', 'answer']);
});
