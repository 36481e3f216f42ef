/** Keys rejected anywhere in a user-supplied dict, because merging them could pollute prototypes. */
export const FORBIDDEN_DICT_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const MAX_DEPTH = 32;

/** Whether `value` is a plain JSON-like object (not an array, null, a class instance or a function). */
export function isPlainDict(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function findNested(value: unknown, path: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `${path} is nested deeper than ${MAX_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const problem = findNested(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    if (!isPlainDict(value)) return `${path} is not a plain object`;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_DICT_KEYS.includes(key)) return `${path} has the forbidden key "${key}"`;
      const problem = findNested(value[key], `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return `${path} is not JSON`;
  return undefined;
}

/**
 * Why `value` is not an acceptable dict (plain object, JSON values only, no `__proto__`/`constructor`/`prototype`
 * key at any depth), or `undefined` when it is. `label` names it in the message (e.g. `item 2`).
 */
export function findDictProblem(value: unknown, label = 'value'): string | undefined {
  if (!isPlainDict(value)) return `${label} is not a dict (got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`;
  return findNested(value, label, 0);
}
