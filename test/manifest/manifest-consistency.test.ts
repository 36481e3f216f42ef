import Ajv2020 from 'ajv/dist/2020';
import { ComponentRegistry, langflowPaletteIds, type ManifestInput } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '@bedrock-flow/knowledge-base';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';

const DEFINITIONS = [amazonBedrockConverseDefinition, amazonBedrockModelDefinition, amazonBedrockEmbeddingsDefinition, amazonBedrockKnowledgeBaseRetrieverDefinition];
const registry = new ComponentRegistry(DEFINITIONS);
/** Values of the required inputs without a default, per component (the knowledge base cannot be guessed). */
const REQUIRED_VALUES: Record<string, Record<string, unknown>> = { AmazonBedrockKnowledgeBaseRetriever: { knowledge_base_id: 'KBDOCS0001' } };
// The manifest as a palette receives it: plain JSON.
const manifest = JSON.parse(JSON.stringify(registry.manifest())) as ReturnType<ComponentRegistry['manifest']>;
// Formats (`uri` on endpoint_url) are not checked: no input offers a URL default or option.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/** The check itself: names the offered values a schema rejects. */
function rejectedValues(input: ManifestInput): string[] {
  const validate = ajv.compile(input.schema);
  return offeredValues(input)
    .filter(([, value]) => !validate(value))
    .map(([what, value]) => `${what} ${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`);
}

/** Every value the palette may put in the field on its own: the default and each listed option. */
function offeredValues(input: ManifestInput): Array<[string, unknown]> {
  const offered: Array<[string, unknown]> = [];
  if (input.value !== undefined) offered.push(['default', input.value]);
  if (input.schema.default !== undefined) offered.push(['schema default', input.schema.default]);
  for (const option of input.options ?? []) offered.push([`option ${JSON.stringify(option)}`, option]);
  return offered;
}

describe('manifest consistency: every input JSON Schema accepts its own default and every listed option', () => {
  const rows = manifest.components.flatMap((component) => component.inputs.map((input) => [component.name, input.name, input] as const));

  test('all four components and all their inputs are checked', () => {
    expect(manifest.components.map((c) => c.name)).toEqual(['AmazonBedrockConverseModel', 'AmazonBedrockModel', 'AmazonBedrockEmbeddings', 'AmazonBedrockKnowledgeBaseRetriever']);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    console.info(`manifest consistency: ${rows.length} inputs, ${rows.reduce((n, [, , input]) => n + offeredValues(input).length, 0)} offered values checked`);
  });

  test.each(rows)('%s.%s', (_component, _name, input) => {
    expect(rejectedValues(input)).toEqual([]);
  });

  test('the check catches the contradictions it is for (a {} default on an array schema, string options on a number schema)', () => {
    const base = { displayName: 'x', type: 'DictInput', required: false, advanced: false, allowed: 'x' } as const;
    expect(rejectedValues({ ...base, name: 'd', value: {}, schema: { type: 'array', items: { type: 'object' }, default: {} } })).toHaveLength(2);
    expect(rejectedValues({ ...base, name: 'n', type: 'DropdownInput', options: ['256', '512'], schema: { type: 'number' } })).toHaveLength(2);
  });
});

describe('legacy component and namespaced palette ids', () => {
  test('AmazonBedrockModel is legacy and names its replacement as Langflow does', () => {
    const legacy = manifest.components.find((c) => c.name === 'AmazonBedrockModel');
    expect(legacy).toMatchObject({ legacy: true, replacement: 'amazon.AmazonBedrockConverseModel' });
    // The replacement resolves to a registered component.
    expect(registry.get(legacy!.replacement!)).toBe(amazonBedrockConverseDefinition);
  });

  test.each(DEFINITIONS.map((d) => [d.name, d] as const))('%s resolves by ext:amazon:…@official and amazon.… in get, has, create and manifestEntry', (name, definition) => {
    const ids = langflowPaletteIds('amazon', name);
    expect(ids).toEqual([`ext:amazon:${name}@official`, `amazon.${name}`]);
    const noPool = { acquire: () => { throw new Error('no network in this test'); } };
    for (const id of ids) {
      expect(registry.has(id)).toBe(true);
      expect(registry.get(id)).toBe(definition);
      expect(registry.manifestEntry(id)).toEqual(registry.manifestEntry(name));
      const instance = registry.create(id, { graphId: 'g', nodeId: `${name}-1`, pool: noPool, env: {} }, REQUIRED_VALUES[name] ?? {});
      expect(instance.definition).toBe(definition);
    }
    expect(registry.has(`ext:amazon:${name}@unofficial`)).toBe(false);
  });
});
