import { AWS_MODEL_IDS, AWS_REGIONS, ComponentRegistry } from '@bedrock-flow/component';
import { amazonBedrockModelDefinition } from '../src';

/** Langflow's AmazonBedrockModel (DESIGN.md section 3): name, display name, type, default, required, advanced. */
const LANGFLOW_INPUTS: Array<[string, string, string, unknown, boolean, boolean]> = [
  ['input_value', 'Input', 'MessageInput', undefined, false, false],
  ['system_message', 'System Message', 'MultilineInput', '', false, false],
  ['stream', 'Stream', 'BoolInput', false, false, true],
  ['model_id', 'Model ID', 'DropdownInput', 'anthropic.claude-3-haiku-20240307-v1:0', false, false],
  ['aws_access_key_id', 'AWS Access Key ID', 'SecretStrInput', 'AWS_ACCESS_KEY_ID', true, false],
  ['aws_secret_access_key', 'AWS Secret Access Key', 'SecretStrInput', 'AWS_SECRET_ACCESS_KEY', true, false],
  ['aws_session_token', 'AWS Session Token', 'SecretStrInput', undefined, false, false],
  ['credentials_profile_name', 'Credentials Profile Name', 'SecretStrInput', undefined, false, true],
  ['api_key', 'Bedrock API Key', 'SecretStrInput', undefined, false, true],
  ['region_name', 'Region Name', 'DropdownInput', 'us-east-1', false, false],
  ['model_kwargs', 'Model Kwargs', 'DictInput', {}, false, true],
  ['endpoint_url', 'Endpoint URL', 'MessageTextInput', undefined, false, true],
  // bedrock-flow addition (issue 22): the node's wait, in seconds; empty = each call type's own.
  ['timeout', 'Timeout', 'FloatInput', undefined, false, true],
  ['reasoning_effort', 'Reasoning Effort', 'DropdownInput', 'off', false, true],
  ['reasoning_budget_tokens', 'Reasoning Budget Tokens', 'IntInput', 0, false, true],
  ['cross_region_inference', 'Cross-Region Inference', 'DropdownInput', 'off', false, true],
];

describe('AmazonBedrockModel manifest entry', () => {
  const manifest = JSON.parse(JSON.stringify(new ComponentRegistry([amazonBedrockModelDefinition]).manifest()));
  const entry = manifest.components[0];

  test('identity: exact Langflow name, display name, legacy', () => {
    expect(entry).toMatchObject({ name: 'AmazonBedrockModel', displayName: 'Amazon Bedrock', icon: 'Amazon', legacy: true, beta: false });
  });

  test('inputs in Langflow order with Langflow names, types, defaults and flags', () => {
    expect(entry.inputs.map((i: { name: string }) => i.name)).toEqual(LANGFLOW_INPUTS.map(([name]) => name));
    for (const [name, displayName, type, value, required, advanced] of LANGFLOW_INPUTS) {
      const input = entry.inputs.find((i: { name: string }) => i.name === name);
      expect({ name, displayName: input.displayName, type: input.type, value: input.value, required: input.required, advanced: input.advanced }).toEqual({
        name,
        displayName,
        type,
        value,
        required,
        advanced,
      });
    }
  });

  test('dropdowns list the reference model ids and regions; model_kwargs is a list; secrets are passwords', () => {
    const byName = (n: string) => entry.inputs.find((i: { name: string }) => i.name === n);
    expect(byName('model_id').options).toEqual([...AWS_MODEL_IDS]);
    expect(byName('model_id').options).toHaveLength(37);
    expect(byName('region_name').options).toEqual([...AWS_REGIONS]);
    expect(byName('model_kwargs').isList).toBe(true);
    for (const n of ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'credentials_profile_name'])
      expect(byName(n).password).toBe(true);
  });

  test('outputs: text_output via text_response, model_output via build_model', () => {
    expect(entry.outputs).toEqual([
      { name: 'text_output', displayName: 'Model Response', method: 'text_response', types: ['Message'] },
      { name: 'model_output', displayName: 'Language Model', method: 'build_model', types: ['LanguageModel'] },
    ]);
  });
});
