/**
 * A short rendering of a bad option value for an error message: never a whole object, and with
 * `secret: true` never a string's content (a token passed where a list was expected must not be echoed).
 */
export function describeValue(value: unknown, secret = false): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    if (secret) return `a string of ${value.length} characters`;
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return `${typeof value === 'symbol' ? 'a symbol' : String(value)}`;
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
