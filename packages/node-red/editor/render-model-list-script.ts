import fs from 'node:fs';
import path from 'node:path';
import type { EditorForm } from './editor-forms';
import { scriptLiteral } from './escape-html';

/** The editor-side script of the live model list, as written (it runs in the browser unchanged). */
const CLIENT_SOURCE = fs.readFileSync(path.join(__dirname, 'model-list-client.js'), 'utf8');

/**
 * The `<script>` that defines `window.bedrockFlowModelList` in the editor (every component node's file carries it, as
 * Node-RED loads node files one by one; the last one defines it again, identically).
 */
export function modelListScript(): string {
  // Inlined in an HTML <script>: a closing tag inside would end it early.
  if (/<\/script/i.test(CLIENT_SOURCE)) throw new Error('model-list-client.js must not contain "</script"');
  return `<script type="text/javascript">\n${CLIENT_SOURCE.trimEnd()}\n</script>`;
}

/** `oneditprepare` of a component node: wires its live model field, if it has one; `undefined` otherwise. */
export function liveModelsEditPrepare(form: EditorForm): string | undefined {
  const field = form.fields.find((candidate) => candidate.liveModels);
  if (!field || !form.component) return undefined;
  const options = { field: field.property, component: form.component.name, staticIds: (field.form.options ?? []).map(String) };
  return `function () { window.bedrockFlowModelList.attach(${scriptLiteral(options)}); }`;
}
