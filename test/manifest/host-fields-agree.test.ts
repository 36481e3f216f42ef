import { ComponentRegistry, inputField } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { propertyFromInput } from '../../packages/n8n-nodes-bedrock-flow/src/parameters/property-from-input';
import { nodeField } from '../../packages/node-red/editor/editor-field';

const DEFINITIONS = [amazonBedrockConverseDefinition, amazonBedrockModelDefinition, amazonBedrockEmbeddingsDefinition];
const manifest = new ComponentRegistry(DEFINITIONS).manifest();
const cases = DEFINITIONS.flatMap((definition) => {
  const entry = manifest.components.find((component) => component.name === definition.name)!;
  return entry.inputs.map((input) => ({ definition, input, label: `${definition.name}.${input.name}` }));
});

describe('one manifest input -> form field mapping, rendered by Node-RED and n8n', () => {
  it('never offers zod placeholder bounds (±MAX_SAFE_INTEGER) as a limit', () => {
    for (const { input } of cases) {
      const field = inputField(input);
      for (const bound of [field.min, field.max]) if (bound !== undefined) expect(Math.abs(bound)).toBeLessThan(Number.MAX_SAFE_INTEGER);
    }
  });

  it.each(cases.filter(({ input }) => input.type !== 'SecretStrInput').map((c) => [c.label, c]))(
    '%s: the n8n property and the Node-RED field show the same label, help, bounds and choices',
    (_label, { definition, input }) => {
      const field = inputField(input);
      const property = propertyFromInput(definition, input.name, input.name);
      const red = nodeField(input);
      expect(property.displayName).toBe(field.label);
      expect(red.form.label).toBe(field.label);
      expect(property.description).toBe(field.help);
      const typeOptions = (property.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
      expect({ min: typeOptions.minValue, max: typeOptions.maxValue }).toEqual({ min: red.form.min, max: red.form.max });
      if (field.kind === 'choice') expect(property.options?.map((option) => (option as { value: unknown }).value)).toEqual(field.options);
    },
  );
});
