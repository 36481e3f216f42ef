/**
 * The emulator depends on no library package and keeps its own model-id parser: over every id form in
 * `test/support/model-ids.ts` it agrees with component's `parseModelId` (the one the components and hosts use) on
 * the base model id and the geography prefixes.
 */
import { GEO_PREFIXES, parseModelId } from '@bedrock-flow/component';
import { baseModelId, CROSS_REGION_PREFIXES } from '../../packages/emulator/src/models/resolve-model-id';
import { MODEL_ID_FORMS } from '../support/model-ids';

test('both parsers know the same geography prefixes', () => {
  expect([...CROSS_REGION_PREFIXES].sort()).toEqual([...GEO_PREFIXES].sort());
});

test.each(MODEL_ID_FORMS.map((id) => [id]))('%s: the same base model id', (id) => {
  expect(baseModelId(id)).toBe(parseModelId(id).baseModelId);
});

test('parseModelId names the kind, geography and provider of each form', () => {
  expect(parseModelId('ca.anthropic.claude-3-haiku-20240307-v1:0')).toMatchObject({ kind: 'inference-profile', geography: 'ca', provider: 'anthropic' });
  expect(parseModelId('arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1')).toMatchObject({ kind: 'foundation-model', geography: undefined, provider: 'amazon' });
  expect(parseModelId('arn:aws:bedrock:us-east-1:1:application-inference-profile/a1b2')).toMatchObject({ kind: 'application-inference-profile', provider: '' });
  expect(parseModelId('arn:aws:bedrock:us-east-1:1:provisioned-model/abc')).toMatchObject({ kind: 'provisioned-model', provider: '' });
  expect(parseModelId('arn:aws:bedrock:us-east-1:1:custom-model/amazon.titan-text-express-v1:0:8k/abc')).toMatchObject({ kind: 'custom-model', provider: 'amazon' });
});
