import { AWS_MODEL_IDS, AWS_REGIONS, ComponentRegistry } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '../src';

/** Langflow's AmazonBedrockConverseModel, field by field (DESIGN.md section 3). */
const EXPECTED: Array<[name: string, displayName: string, type: string, value: unknown, required: boolean, advanced: boolean]> = [
  ['input_value', 'Input', 'MessageInput', undefined, false, false],
  ['system_message', 'System Message', 'MultilineInput', '', false, false],
  ['stream', 'Stream', 'BoolInput', false, false, true],
  ['model_id', 'Model ID', 'DropdownInput', 'anthropic.claude-3-5-sonnet-20241022-v2:0', false, false],
  ['aws_access_key_id', 'AWS Access Key ID', 'SecretStrInput', 'AWS_ACCESS_KEY_ID', true, false],
  ['aws_secret_access_key', 'AWS Secret Access Key', 'SecretStrInput', 'AWS_SECRET_ACCESS_KEY', true, false],
  ['aws_session_token', 'AWS Session Token', 'SecretStrInput', undefined, false, true],
  ['credentials_profile_name', 'Credentials Profile Name', 'SecretStrInput', undefined, false, true],
  ['api_key', 'Bedrock API Key', 'SecretStrInput', undefined, false, true],
  ['region_name', 'Region Name', 'DropdownInput', 'us-east-1', false, false],
  ['endpoint_url', 'Endpoint URL', 'MessageTextInput', undefined, false, true],
  ['temperature', 'Temperature', 'FloatInput', 0.7, false, true],
  ['max_tokens', 'Max Tokens', 'IntInput', 4096, false, true],
  ['top_p', 'Top P', 'FloatInput', 0.9, false, true],
  ['top_k', 'Top K', 'IntInput', 250, false, true],
  ['disable_streaming', 'Disable Streaming', 'BoolInput', false, false, true],
  ['additional_model_fields', 'Additional Model Fields', 'DictInput', {}, false, true],
  // bedrock-flow additions beyond upstream, all advanced.
  ['prompt_caching', 'Prompt Caching', 'BoolInput', false, false, true],
  ['guardrail_identifier', 'Guardrail Identifier', 'StrInput', undefined, false, true],
  ['guardrail_version', 'Guardrail Version', 'StrInput', undefined, false, true],
  ['guardrail_trace', 'Guardrail Trace', 'DropdownInput', 'disabled', false, true],
  ['performance_config_latency', 'Latency Optimization', 'DropdownInput', 'standard', false, true],
  ['timeout', 'Timeout', 'FloatInput', undefined, false, true],
  ['reasoning_effort', 'Reasoning Effort', 'DropdownInput', 'off', false, true],
  ['reasoning_budget_tokens', 'Reasoning Budget Tokens', 'IntInput', 0, false, true],
  ['cross_region_inference', 'Cross-Region Inference', 'DropdownInput', 'off', false, true],
];

describe('AmazonBedrockConverseModel manifest entry', () => {
  const manifest = new ComponentRegistry([amazonBedrockConverseDefinition]).manifest();
  const entry = manifest.components[0]!;

  it('has Langflow\'s name, label, flags and outputs', () => {
    expect(entry).toMatchObject({ name: 'AmazonBedrockConverseModel', displayName: 'Amazon Bedrock Converse', icon: 'Amazon', beta: true, legacy: false });
    expect(entry.outputs).toEqual([
      { name: 'text_output', displayName: 'Model Response', method: 'text_response', types: ['Message'] },
      { name: 'model_output', displayName: 'Language Model', method: 'build_model', types: ['LanguageModel'] },
    ]);
  });

  it('matches the reference table input by input, in order', () => {
    const actual = entry.inputs.map((input) => [input.name, input.displayName, input.type, input.value, input.required, input.advanced]);
    expect(actual).toEqual(EXPECTED);
  });

  it('carries the dropdown lists, secret and list flags and JSON Schemas', () => {
    const input = (name: string) => entry.inputs.find((i) => i.name === name)!;
    expect(input('model_id').options).toEqual([...AWS_MODEL_IDS]);
    expect(input('model_id').combobox).toBe(true);
    expect(input('region_name').options).toEqual([...AWS_REGIONS]);
    expect(input('region_name').combobox).toBe(true);
    for (const name of ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'credentials_profile_name']) {
      expect(input(name).password).toBe(true);
    }
    expect(input('aws_access_key_id').loadFromDb).toBe(true);
    expect(input('aws_session_token').loadFromDb).toBe(false);
    expect(input('system_message').multiline).toBe(true);
    expect(input('additional_model_fields').isList).toBe(true);
    expect(input('temperature').schema).toMatchObject({ type: 'number', minimum: 0, maximum: 1, default: 0.7 });
    expect(input('max_tokens').schema).toMatchObject({ type: 'integer', minimum: 1, default: 4096 });
    expect(input('stream').schema).toMatchObject({ type: 'boolean', default: false });
    expect(input('guardrail_trace').options).toEqual(['enabled', 'disabled', 'enabled_full']);
    expect(input('performance_config_latency').options).toEqual(['standard', 'optimized']);
    expect(input('guardrail_version').schema).toMatchObject({ type: 'string', pattern: expect.stringContaining('DRAFT') });
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
  });
});
