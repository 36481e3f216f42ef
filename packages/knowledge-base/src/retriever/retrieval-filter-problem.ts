// The emulator keeps its own copy of these rules (it depends on no library package);
// test/emulator-agreement/retrieval-filter-validators-agree.test.ts fails when the two disagree.
/** Comparison operators of Bedrock's `RetrievalFilter` (each takes `{ key, value }`). */
export const FILTER_ATTRIBUTE_OPERATORS = [
  'equals',
  'notEquals',
  'greaterThan',
  'greaterThanOrEquals',
  'lessThan',
  'lessThanOrEquals',
  'in',
  'notIn',
  'startsWith',
  'listContains',
  'stringContains',
] as const;

/** Operators combining 2 to 5 filters. */
export const FILTER_LIST_OPERATORS = ['andAll', 'orAll'] as const;

/** What a metadata filter may be, in words (for validation errors). */
export const RETRIEVAL_FILTER_ALLOWED =
  `a Bedrock RetrievalFilter: one operator key, {"<op>": {"key": "...", "value": ...}} with <op> one of ${FILTER_ATTRIBUTE_OPERATORS.join(', ')} ` +
  '(numbers for the greater/less comparisons, a list for in/notIn, a string for startsWith/stringContains), ' +
  'or {"andAll"|"orAll": [2 to 5 filters]}';

const NUMERIC = new Set<string>(['greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals']);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The first problem of `filter` as a Bedrock `RetrievalFilter`, or `undefined` when it is one. The same rules the
 * service applies (one operator per level, `key` 1 to 100 characters, a value of the operator's type, 2 to 5 filters in
 * `andAll`/`orAll`), checked here so a bad filter is named before any request. Written by hand: the SDK ships only
 * TypeScript types for it, no runtime schema.
 */
export function retrievalFilterProblem(filter: unknown, path = 'filter'): string | undefined {
  if (!isObject(filter)) return `${path} is not an object`;
  const keys = Object.keys(filter);
  if (keys.length !== 1) return `${path} has ${keys.length} operator keys (${keys.slice(0, 5).join(', ') || 'none'}); exactly one is allowed`;
  const op = keys[0]!;
  const operand = filter[op];
  if ((FILTER_LIST_OPERATORS as readonly string[]).includes(op)) {
    if (!Array.isArray(operand) || operand.length < 2 || operand.length > 5) return `${path}.${op} is not a list of 2 to 5 filters`;
    for (let i = 0; i < operand.length; i += 1) {
      const problem = retrievalFilterProblem(operand[i], `${path}.${op}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!(FILTER_ATTRIBUTE_OPERATORS as readonly string[]).includes(op)) return `${path} uses the unknown operator ${JSON.stringify(op.slice(0, 40))}`;
  if (!isObject(operand)) return `${path}.${op} is not an object {key, value}`;
  const key = operand['key'];
  if (typeof key !== 'string' || key.length < 1 || key.length > 100) return `${path}.${op}.key is not a string of 1 to 100 characters`;
  const extra = Object.keys(operand).find((name) => name !== 'key' && name !== 'value');
  if (extra !== undefined) return `${path}.${op} has the unknown member ${JSON.stringify(extra.slice(0, 40))} (only key and value)`;
  const value = operand['value'];
  if (value === undefined || value === null) return `${path}.${op}.value is missing`;
  // JSON has no Infinity or NaN (JSON.parse turns 1e999 into Infinity): the SDK would send the text "Infinity".
  if ((typeof value === 'number' && !Number.isFinite(value)) || (Array.isArray(value) && value.some((item) => typeof item === 'number' && !Number.isFinite(item)))) {
    return `${path}.${op}.value holds a number JSON cannot carry (Infinity or NaN; a number beyond ±1.8e308 parses as Infinity)`;
  }
  if (NUMERIC.has(op) && typeof value !== 'number') return `${path}.${op}.value is not a number`;
  if ((op === 'in' || op === 'notIn') && !Array.isArray(value)) return `${path}.${op}.value is not a list`;
  if ((op === 'startsWith' || op === 'stringContains') && typeof value !== 'string') return `${path}.${op}.value is not a string`;
  return undefined;
}
