import type { ValidationIssue } from '@bedrock-flow/component';
import { manifestInput, type AnyComponentDefinition } from './component-manifest';
import type { ParameterBinding } from './parameter-binding';

function parseJsonText(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/**
 * Raw component values from n8n parameter values (the "Options" collection or top-level parameters): each bound
 * parameter that is present is passed under its input name, unset ones are left out so the component's default
 * applies. JSON parameters arrive as text (or as an object from an expression) and are parsed here; every other
 * check is the component's own validation. Bad JSON is added to `issues` (reported with the component's own).
 */
export function componentValues(
  definition: AnyComponentDefinition,
  bindings: readonly ParameterBinding[],
  source: Readonly<Record<string, unknown>>,
  issues: ValidationIssue[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const binding of bindings) {
    if (!Object.hasOwn(source, binding.parameter)) continue;
    const raw = source[binding.parameter];
    if (raw === undefined) continue;
    const input = manifestInput(definition, binding.input);
    if (input.type === 'DictInput' && typeof raw === 'string') {
      const parsed = parseJsonText(raw);
      if (parsed.ok) values[binding.input] = parsed.value;
      else issues.push({ field: binding.input, problem: 'is not valid JSON', allowed: `a JSON object: ${input.allowed}`, received: `${raw.length} characters` });
      continue;
    }
    values[binding.input] = raw;
  }
  return values;
}
