/**
 * The emulator depends on no library package and keeps its own `RetrievalFilter` validator: over the filters below it
 * accepts and refuses exactly what knowledge-base's `retrievalFilterProblem` (the check made before any request) does,
 * and both know the same operators.
 *
 * Known differences, left out of the list: an attribute with a member other than `key` and `value` is refused by the
 * library and accepted by the emulator; a value holding Infinity or NaN is refused by the library, and can never reach
 * the emulator as a number (JSON has none: the SDK sends the text "Infinity").
 */
import { FILTER_ATTRIBUTE_OPERATORS, FILTER_LIST_OPERATORS, retrievalFilterProblem } from '@bedrock-flow/knowledge-base';
import {
  FILTER_ATTRIBUTE_OPERATORS as EMULATOR_ATTRIBUTE_OPERATORS,
  FILTER_LIST_OPERATORS as EMULATOR_LIST_OPERATORS,
  parseMetadataFilter,
} from '../../packages/emulator/src/knowledge-base/metadata-filter';

const eq = (key: string, value: unknown = 'x'): Record<string, unknown> => ({ equals: { key, value } });

const VALID: Array<[string, unknown]> = [
  ...FILTER_ATTRIBUTE_OPERATORS.map((op): [string, unknown] => {
    const value = ['greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals'].includes(op) ? 3 : op === 'in' || op === 'notIn' ? ['a', 'b'] : 'a';
    return [op, { [op]: { key: 'genre', value } }];
  }),
  ['equals a number', { equals: { key: 'year', value: 2024 } }],
  ['equals a boolean', { equals: { key: 'draft', value: false } }],
  ['listContains a number', { listContains: { key: 'tags', value: 7 } }],
  ['a 100-character key', eq('k'.repeat(100))],
  ['andAll of 2', { andAll: [eq('a'), eq('b')] }],
  ['orAll of 5', { orAll: [eq('a'), eq('b'), eq('c'), eq('d'), eq('e')] }],
  ['nested andAll in orAll', { orAll: [{ andAll: [eq('a'), eq('b')] }, eq('c')] }],
];

const INVALID: Array<[string, unknown]> = [
  ['null', null],
  ['a string', 'genre = x'],
  ['a list', [eq('a')]],
  ['no operator', {}],
  ['two operators', { equals: { key: 'a', value: 'x' }, notEquals: { key: 'b', value: 'y' } }],
  ['an unknown operator', { contains: { key: 'a', value: 'x' } }],
  ['an attribute that is not an object', { equals: 'a' }],
  ['an attribute that is a list', { equals: ['a', 'x'] }],
  ['a missing key', { equals: { value: 'x' } }],
  ['an empty key', eq('')],
  ['a 101-character key', eq('k'.repeat(101))],
  ['a number key', { equals: { key: 1, value: 'x' } }],
  ['a missing value', { equals: { key: 'a' } }],
  ['a null value', eq('a', null)],
  ['greaterThan a string', { greaterThan: { key: 'a', value: '3' } }],
  ['lessThanOrEquals a list', { lessThanOrEquals: { key: 'a', value: [3] } }],
  ['in a string', { in: { key: 'a', value: 'x' } }],
  ['notIn a number', { notIn: { key: 'a', value: 1 } }],
  ['startsWith a number', { startsWith: { key: 'a', value: 1 } }],
  ['stringContains a list', { stringContains: { key: 'a', value: ['x'] } }],
  ['andAll of 1', { andAll: [eq('a')] }],
  ['orAll of 6', { orAll: [eq('a'), eq('b'), eq('c'), eq('d'), eq('e'), eq('f')] }],
  ['andAll not a list', { andAll: eq('a') }],
  ['orAll with a bad member', { orAll: [eq('a'), eq('')] }],
  ['a bad filter nested two levels down', { andAll: [eq('a'), { orAll: [eq('b'), { greaterThan: { key: 'c', value: 'x' } }] }] }],
];

function emulatorAccepts(filter: unknown): boolean {
  try {
    parseMetadataFilter(filter, 'retrievalConfiguration.vectorSearchConfiguration.filter');
    return true;
  } catch {
    return false;
  }
}

test('both know the same operators', () => {
  expect([...EMULATOR_ATTRIBUTE_OPERATORS]).toEqual([...FILTER_ATTRIBUTE_OPERATORS]);
  expect([...EMULATOR_LIST_OPERATORS]).toEqual([...FILTER_LIST_OPERATORS]);
});

test.each(VALID)('valid, %s: both accept it', (_name, filter) => {
  expect(retrievalFilterProblem(filter)).toBeUndefined();
  expect(emulatorAccepts(filter)).toBe(true);
});

test.each(INVALID)('invalid, %s: both refuse it', (_name, filter) => {
  expect(retrievalFilterProblem(filter)).toEqual(expect.any(String));
  expect(emulatorAccepts(filter)).toBe(false);
});
