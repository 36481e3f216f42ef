/**
 * The emulator depends on no library package and keeps its own copy of Bedrock's guardrail id and version patterns:
 * they are the converse component's, so a guardrail the component accepts is one the emulator accepts.
 */
import { GUARDRAIL_IDENTIFIER_PATTERN, GUARDRAIL_VERSION_PATTERN } from '@bedrock-flow/converse';
import {
  GUARDRAIL_IDENTIFIER_PATTERN as EMULATOR_IDENTIFIER_PATTERN,
  GUARDRAIL_VERSION_PATTERN as EMULATOR_VERSION_PATTERN,
} from '../../packages/emulator/src/models/converse/converse-features';

test('the guardrail identifier and version patterns are the same', () => {
  expect(EMULATOR_IDENTIFIER_PATTERN.source).toBe(GUARDRAIL_IDENTIFIER_PATTERN.source);
  expect(EMULATOR_IDENTIFIER_PATTERN.flags).toBe(GUARDRAIL_IDENTIFIER_PATTERN.flags);
  expect(EMULATOR_VERSION_PATTERN.source).toBe(GUARDRAIL_VERSION_PATTERN.source);
  expect(EMULATOR_VERSION_PATTERN.flags).toBe(GUARDRAIL_VERSION_PATTERN.flags);
});

test.each([
  ['gr1abc', true],
  ['arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc', true],
  ['arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:guardrail/gr1abc', true],
  ['GR1', false],
  ['gr-1', false],
])('both accept or refuse the guardrail id %s', (id, ok) => {
  expect([GUARDRAIL_IDENTIFIER_PATTERN.test(id), EMULATOR_IDENTIFIER_PATTERN.test(id)]).toEqual([ok, ok]);
});
