import { isBound, type EditorField } from './editor-field';
import { escapeHtml } from './escape-html';

/** Numeric limits of a number input, from its JSON Schema. */
function limitsOf(field: EditorField): { min?: number; max?: number; integer: boolean } {
  const schema = field.input.schema as { minimum?: number; maximum?: number; type?: string };
  return {
    ...(isBound(schema.minimum) ? { min: schema.minimum } : {}),
    ...(isBound(schema.maximum) ? { max: schema.maximum } : {}),
    integer: field.input.type === 'IntInput',
  };
}

function control(field: EditorField, id: string, datalistId: string): string {
  const placeholder = field.input.placeholder ? ` placeholder="${escapeHtml(field.input.placeholder)}"` : '';
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
      return `<select id="${id}">${(field.input.options ?? []).map((o) => `<option value="${escapeHtml(o)}">${escapeHtml(o)}</option>`).join('')}</select>`;
    case 'combobox':
      return (
        `<input type="text" id="${id}" list="${datalistId}" autocomplete="off"${placeholder}>` +
        `<datalist id="${datalistId}">${(field.input.options ?? []).map((o) => `<option value="${escapeHtml(o)}"></option>`).join('')}</datalist>`
      );
    case 'password':
      return `<input type="password" id="${id}" autocomplete="off"${placeholder}>`;
    default:
      return `<input type="text" id="${id}"${placeholder}>`;
  }
}

/**
 * One `form-row` of an edit dialog: label (manifest display name, info as tooltip) and control. The row carries
 * `data-input` (the manifest input name) so tests and tools can map the form back to the manifest.
 */
export function renderFormRow(field: EditorField, idPrefix: 'node-input' | 'node-config-input', nodeType: string): string {
  const id = `${idPrefix}-${field.property}`;
  const title = field.input.info ? ` title="${escapeHtml(field.input.info)}"` : '';
  const label = `<label for="${id}"${title}>${escapeHtml(field.input.displayName)}</label>`;
  const note = field.note ? `\n      <div class="form-tips" data-note="${escapeHtml(field.input.name)}">${escapeHtml(field.note)}</div>` : '';
  return `    <div class="form-row" data-input="${escapeHtml(field.input.name)}">\n      ${label}\n      ${control(field, id, `${nodeType}-${field.property}-options`)}${note}\n    </div>`;
}
