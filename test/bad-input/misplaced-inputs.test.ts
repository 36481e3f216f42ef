/**
 * A sampling setting given to AmazonBedrockModel (which has none: they go in `model_kwargs`, as upstream) is ignored
 * with one warning per node naming the components that have it; the value itself is never quoted.
 */
import { createComponent, type ComponentContext } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';

test('temperature on AmazonBedrockModel warns once per node, naming AmazonBedrockConverseModel and model_kwargs', () => {
  expect(Object.keys(amazonBedrockConverseDefinition.inputs)).toContain('temperature');
  const warnings: string[] = [];
  const ctx: ComponentContext = {
    graphId: 'flow',
    nodeId: 'AmazonBedrockModel-1',
    pool: { acquire: () => { throw new Error('no network in this test'); } },
    env: false,
    logger: { warn: (message) => void warnings.push(message) },
  };
  for (let run = 0; run < 2; run++) createComponent(amazonBedrockModelDefinition, ctx, { input_value: 'hi', temperature: 0.731 });
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^AmazonBedrockModel has no input "temperature", so its value is ignored; "temperature" is an input of .*AmazonBedrockConverseModel.*model_kwargs/);
  expect(warnings[0]).not.toContain('0.731');
});
