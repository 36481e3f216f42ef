import { Secret } from '../secrets/secret';
import type { ValidationIssue } from './validation-issue';

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Secret || b instanceof Secret) return a instanceof Secret && b instanceof Secret && a.reveal() === b.reveal();
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/**
 * `raw` with each value saved under an old input name (`legacyFields`: old -> current) moved to its current name, so
 * it is validated and used exactly like one given under the new name. Returns `raw` itself when no old name is set
 * (the common case: no copy). Both names set with different values is an issue naming both (never a silent pick).
 */
export function applyLegacyFields(
  raw: Readonly<Record<string, unknown>>,
  legacyFields: Readonly<Record<string, string>>,
  issues: ValidationIssue[],
): Readonly<Record<string, unknown>> {
  let renamed: Record<string, unknown> | undefined;
  for (const oldName in legacyFields) {
    if (!Object.prototype.hasOwnProperty.call(raw, oldName)) continue;
    const oldValue = raw[oldName];
    if (!isSet(oldValue)) continue;
    const current = legacyFields[oldName]!;
    const currentValue = Object.prototype.hasOwnProperty.call(raw, current) ? raw[current] : undefined;
    if (isSet(currentValue) && !sameValue(oldValue, currentValue)) {
      issues.push({
        field: current,
        problem: `is set both as ${current} and under its old name ${oldName}, with different values`,
        allowed: `one of ${current} or ${oldName} (the old name of the same input), or both with the same value`,
      });
      continue;
    }
    renamed ??= { ...raw };
    renamed[current] = oldValue;
  }
  return renamed ?? raw;
}
