/**
 * A deterministic tool input that satisfies a simple JSON schema: required string properties get
 * `text`, numbers `0`, booleans `false`, arrays `[]`, objects `{}` (optional properties are left out).
 */
export function toolInputFromSchema(schema: unknown, text: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (!schema || typeof schema !== 'object') return input;
  const { properties, required } = schema as { properties?: Record<string, { type?: unknown }>; required?: unknown };
  if (!properties || !Array.isArray(required)) return input;
  for (const name of required) {
    if (typeof name !== 'string') continue;
    const type = properties[name]?.type;
    input[name] =
      type === 'number' || type === 'integer' ? 0 : type === 'boolean' ? false : type === 'array' ? [] : type === 'object' ? {} : text;
  }
  return input;
}
