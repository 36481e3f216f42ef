import type { EditorField } from './editor-field';
import { escapeHtml } from './escape-html';

/** Numeric limits of a number input (the shared field's real bounds). */
function limitsOf(field: EditorField): { min?: number; max?: number; integer: boolean } {
  const { min, max, kind } = field.form;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), integer: kind === 'integer' };
}

function control(field: EditorField, id: string, datalistId: string): string {
  const placeholder = field.form.placeholder ? ` placeholder="${escapeHtml(field.form.placeholder)}"` : '';
  switch (field.control) {
    case 'checkbox':
      return `<input type="checkbox" id="${id}" style="display:inline-block; width:auto; vertical-align:top;">`;
    case 'number': {
      const { min, max, integer } = limitsOf(field);
      const bounds = `${min === undefined ? '' : ` min="${min}"`}${max === undefined ? '' : ` max="${max}"`}`;
      return `<input type="number" id="${id}" step="${integer ? '1' : 'any'}"${bounds}>`;
    }
    case 'textarea':
      return `<textarea id="${id}" rows="3" style="width:70%;"${placeholder}></textarea>`;
    case 'json':
      return `<textarea id="${id}" rows="3" style="width:70%; font-family:monospace;" placeholder="{}"></textarea>`;
    case 'select':
      return `<select id="${id}">${(field.form.options ?? []).map((o) => `<option value="${escapeHtml(String(o))}">${escapeHtml(String(o))}</option>`).join('')}</select>`;
    case 'combobox':
      return (
        `<input type="text" id="${id}" list="${datalistId}" autocomplete="off"${placeholder}>` +
        `<datalist id="${datalistId}">${(field.form.options ?? []).map((o) => `<option value="${escapeHtml(String(o))}"></option>`).join('')}</datalist>`
      );
    case 'password':
      return `<input type="password" id="${id}" autocomplete="off"${placeholder}>`;
    default:
      return `<input type="text" id="${id}"${placeholder}>`;
  }
}

/** The source line of a live model field before the dialog's script has asked (the datalist holds the static list). */
export const MODEL_SOURCE_BEFORE_SCRIPT = 'Static list: the account has not been asked yet';

/**
 * One `form-row` of an edit dialog: label (manifest display name, info as tooltip) and control. The row carries
 * `data-input` (the manifest input name) so tests and tools can map the form back to the manifest.
 */
export function renderFormRow(field: EditorField, idPrefix: 'node-input' | 'node-config-input', nodeType: string): string {
  const id = `${idPrefix}-${field.property}`;
  const title = field.form.help ? ` title="${escapeHtml(field.form.help)}"` : '';
  const label = `<label for="${id}"${title}>${escapeHtml(field.form.label)}</label>`;
  const note = field.note ? `\n      <div class="form-tips" data-note="${escapeHtml(field.input.name)}">${escapeHtml(field.note)}</div>` : '';
  // Filled by the dialog's script (model-list-client.js): where the list came from, never a silent fallback.
  const source = field.liveModels ? `\n      <div class="form-tips" id="${id}-source" data-source="static">${escapeHtml(MODEL_SOURCE_BEFORE_SCRIPT)}</div>` : '';
  return `    <div class="form-row" data-input="${escapeHtml(field.input.name)}">\n      ${label}\n      ${control(field, id, `${nodeType}-${field.property}-options`)}${note}${source}\n    </div>`;
}
