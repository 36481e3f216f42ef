import type { EditorField } from './editor-field';

/**
 * Source of the editor-side `validate` function of a field (blank is always valid: the component default
 * applies), or `undefined` when the runtime validation is enough. Mirrors the manifest's JSON Schema limits.
 */
export function renderValidator(field: EditorField): string | undefined {
  if (field.control === 'json') {
    return 'function (v) { if (v === undefined || v === null || String(v).trim() === "") return true; try { JSON.parse(v); return true; } catch (e) { return false; } }';
  }
  if (field.control !== 'number') return undefined;
  const { min, max, kind } = field.form;
  const checks = ['isFinite(n)'];
  if (kind === 'integer') checks.push('Math.floor(n) === n');
  if (min !== undefined) checks.push(`n >= ${min}`);
  if (max !== undefined) checks.push(`n <= ${max}`);
  return `function (v) { if (v === undefined || v === null || v === "") return true; var n = Number(v); return ${checks.join(' && ')}; }`;
}
