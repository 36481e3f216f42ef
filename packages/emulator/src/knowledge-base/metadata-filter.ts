import { validationError } from '../errors/bedrock-error';
import type { KnowledgeBaseMetadataValue } from './knowledge-base-types';

// Kept apart from knowledge-base's retrievalFilterProblem on purpose (the emulator depends on no library package);
// test/emulator-agreement/retrieval-filter-validators-agree.test.ts fails when the two disagree.
/** Comparison operators of Bedrock's `RetrievalFilter` union (each takes a `FilterAttribute {key, value}`). */
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

/** Operators that combine filters (each takes a list of 2 to 5 `RetrievalFilter`s). */
export const FILTER_LIST_OPERATORS = ['andAll', 'orAll'] as const;

type AttributeOperator = (typeof FILTER_ATTRIBUTE_OPERATORS)[number];

/** A validated filter. */
export type MetadataFilter =
  | { op: AttributeOperator; key: string; value: unknown }
  | { op: 'andAll'; filters: MetadataFilter[] }
  | { op: 'orAll'; filters: MetadataFilter[] };

const ALL_OPERATORS: readonly string[] = [...FILTER_ATTRIBUTE_OPERATORS, ...FILTER_LIST_OPERATORS];
const NUMERIC: ReadonlySet<string> = new Set(['greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals']);
// Bedrock: RetrievalFilterList has 2 to 5 members; a FilterAttribute key 1 to 100 characters.
const MIN_LIST = 2;
const MAX_LIST = 5;
const MAX_KEY_LENGTH = 100;

function fail(path: string, constraint: string): never {
  throw validationError(`1 validation error detected: Value at '${path}' failed to satisfy constraint: ${constraint}`);
}

/**
 * Parses a `RetrievalFilter` (a union: exactly one operator key) as Bedrock validates it: the key names an operator,
 * `key` is 1 to 100 characters, `value` is present; the numeric comparisons take a number, `in`/`notIn` a list,
 * `startsWith`/`stringContains` a string; `andAll`/`orAll` take 2 to 5 filters. Throws a ValidationException naming
 * the path otherwise.
 */
export function parseMetadataFilter(value: unknown, path: string): MetadataFilter {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, 'Member must be an object');
  const keys = Object.keys(value as object);
  if (keys.length !== 1) fail(path, `Member must have exactly one of the union members set: [${ALL_OPERATORS.join(', ')}]`);
  const op = keys[0]!;
  const operand = (value as Record<string, unknown>)[op];
  const at = `${path}.${op}`;
  if ((FILTER_LIST_OPERATORS as readonly string[]).includes(op)) {
    if (!Array.isArray(operand)) fail(at, 'Member must be a list');
    if (operand.length < MIN_LIST || operand.length > MAX_LIST) fail(at, `Member must have length between ${MIN_LIST} and ${MAX_LIST}`);
    const filters = operand.map((item, i) => parseMetadataFilter(item, `${at}.${i + 1}.member`));
    return op === 'andAll' ? { op: 'andAll', filters } : { op: 'orAll', filters };
  }
  if (!(FILTER_ATTRIBUTE_OPERATORS as readonly string[]).includes(op)) {
    fail(path, `Member must have exactly one of the union members set: [${ALL_OPERATORS.join(', ')}]`);
  }
  if (operand === null || typeof operand !== 'object' || Array.isArray(operand)) fail(at, 'Member must be an object {key, value}');
  const attribute = operand as Record<string, unknown>;
  const key = attribute['key'];
  if (typeof key !== 'string' || key.length < 1 || key.length > MAX_KEY_LENGTH) fail(`${at}.key`, `Member must be a string of length between 1 and ${MAX_KEY_LENGTH}`);
  const attributeValue = attribute['value'];
  if (attributeValue === undefined || attributeValue === null) fail(`${at}.value`, 'Member must not be null');
  if (NUMERIC.has(op) && typeof attributeValue !== 'number') fail(`${at}.value`, 'Member must be a number');
  if ((op === 'in' || op === 'notIn') && !Array.isArray(attributeValue)) fail(`${at}.value`, 'Member must be a list');
  if ((op === 'startsWith' || op === 'stringContains') && typeof attributeValue !== 'string') fail(`${at}.value`, 'Member must be a string');
  return { op: op as AttributeOperator, key, value: attributeValue };
}

function sameValue(a: KnowledgeBaseMetadataValue | undefined, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** Whether a document's metadata matches `filter` (a missing key matches only `notEquals` and `notIn`, as in Bedrock). */
export function matchesFilter(metadata: Readonly<Record<string, KnowledgeBaseMetadataValue>>, filter: MetadataFilter): boolean {
  if (filter.op === 'andAll') return filter.filters.every((inner) => matchesFilter(metadata, inner));
  if (filter.op === 'orAll') return filter.filters.some((inner) => matchesFilter(metadata, inner));
  const actual = Object.prototype.hasOwnProperty.call(metadata, filter.key) ? metadata[filter.key] : undefined;
  const expected = filter.value;
  switch (filter.op) {
    case 'equals':
      return sameValue(actual, expected);
    case 'notEquals':
      return !sameValue(actual, expected);
    case 'greaterThan':
      return typeof actual === 'number' && actual > (expected as number);
    case 'greaterThanOrEquals':
      return typeof actual === 'number' && actual >= (expected as number);
    case 'lessThan':
      return typeof actual === 'number' && actual < (expected as number);
    case 'lessThanOrEquals':
      return typeof actual === 'number' && actual <= (expected as number);
    case 'in':
      return actual !== undefined && (expected as unknown[]).some((item) => sameValue(actual, item));
    case 'notIn':
      return actual === undefined || !(expected as unknown[]).some((item) => sameValue(actual, item));
    case 'startsWith':
      return typeof actual === 'string' && actual.startsWith(expected as string);
    case 'listContains':
      return Array.isArray(actual) && actual.includes(expected as string);
    case 'stringContains':
      return typeof actual === 'string' ? actual.includes(String(expected)) : Array.isArray(actual) && actual.some((item) => item.includes(String(expected)));
  }
}
