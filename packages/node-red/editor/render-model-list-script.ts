import { name as PACKAGE_NAME } from '../package.json';
import type { EditorForm } from './editor-forms';
import { escapeHtml, scriptLiteral } from './escape-html';

/**
 * Where the editor loads the live model list's script: Node-RED serves a node module's `resources/` folder at
 * `resources/<module>/…` (relative to the editor page, so `httpAdminRoot` applies; no admin permission, and the file
 * holds no secret). One file for every node, instead of a copy inlined in each node's HTML.
 */
export const MODEL_LIST_CLIENT_URL = `resources/${PACKAGE_NAME}/model-list-client.js`;

/**
 * The `<script>` that loads `resources/model-list-client.js`, which defines `window.bedrockFlowModelList` in the
 * editor (every component node's file carries the tag, as each node set can be enabled on its own; the editor runs it
 * once per file, and each run defines the same object).
 */
export function modelListScript(): string {
  return `<script type="text/javascript" src="${escapeHtml(MODEL_LIST_CLIENT_URL)}"></script>`;
}

/** `oneditprepare` of a component node: wires its live model field, if it has one; `undefined` otherwise. */
export function liveModelsEditPrepare(form: EditorForm): string | undefined {
  const field = form.fields.find((candidate) => candidate.liveModels);
  if (!field || !form.component) return undefined;
  const options = { field: field.property, component: form.component.name, staticIds: (field.form.options ?? []).map(String) };
  return `function () { window.bedrockFlowModelList.attach(${scriptLiteral(options)}); }`;
}
