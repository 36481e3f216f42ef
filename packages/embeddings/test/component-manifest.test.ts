import { AWS_EMBEDDING_MODEL_IDS, AWS_REGIONS, ComponentRegistry } from '@bedrock-flow/component';
import { amazonBedrockEmbeddingsDefinition } from '../src';

/** Langflow's AmazonBedrockEmbeddings (DESIGN.md section 3), plus the advanced bedrock-flow inputs. */
const REFERENCE: Array<[name: string, displayName: string, type: string, value: unknown, required: boolean, advanced: boolean]> = [
  ['model_id', 'Model Id', 'DropdownInput', 'amazon.titan-embed-text-v1', false, false],
  ['aws_access_key_id', 'AWS Access Key ID', 'SecretStrInput', 'AWS_ACCESS_KEY_ID', true, false],
  ['aws_secret_access_key', 'AWS Secret Access Key', 'SecretStrInput', 'AWS_SECRET_ACCESS_KEY', true, false],
  ['aws_session_token', 'AWS Session Token', 'SecretStrInput', 'AWS_SESSION_TOKEN', false, false],
  ['credentials_profile_name', 'Credentials Profile Name', 'SecretStrInput', 'AWS_CREDENTIALS_PROFILE_NAME', false, true],
  ['api_key', 'Bedrock API Key', 'SecretStrInput', undefined, false, true],
  ['region_name', 'Region Name', 'DropdownInput', 'us-east-1', false, false],
  ['endpoint_url', 'Endpoint URL', 'MessageTextInput', undefined, false, true],
  ['dimensions', 'Dimensions', 'DropdownInput', 1024, false, true],
  ['normalize', 'Normalize', 'BoolInput', true, false, true],
  ['max_concurrency', 'Max Concurrency', 'IntInput', 8, false, true],
  ['timeout', 'Timeout', 'FloatInput', undefined, false, true],
  ['cache_embeddings', 'Cache Embeddings', 'BoolInput', true, false, true],
];

const manifest = new ComponentRegistry([amazonBedrockEmbeddingsDefinition]).manifest();
const entry = manifest.components[0]!;

describe('AmazonBedrockEmbeddings manifest entry', () => {
  test('name, display name, category and output match Langflow', () => {
    expect(entry).toMatchObject({
      name: 'AmazonBedrockEmbeddings',
      displayName: 'Amazon Bedrock Embeddings',
      icon: 'Amazon',
      category: 'embeddings',
      beta: false,
      legacy: false,
    });
    expect(entry.outputs).toEqual([{ name: 'embeddings', displayName: 'Embeddings', method: 'build_embeddings', types: ['Embeddings'] }]);
  });

  test('inputs in Langflow order', () => {
    expect(entry.inputs.map((i) => i.name)).toEqual(REFERENCE.map(([name]) => name));
  });

  test.each(REFERENCE)('%s: "%s", %s, default %p, required %p, advanced %p', (name, displayName, type, value, required, advanced) => {
    const input = entry.inputs.find((i) => i.name === name)!;
    expect(input).toMatchObject({ displayName, type, required, advanced });
    expect(input.value).toEqual(value);
  });

  test('dropdown options: the 4 embedding models, the 34 regions, every size a model takes', () => {
    const byName = Object.fromEntries(entry.inputs.map((i) => [i.name, i]));
    expect(byName.model_id?.options).toEqual([...AWS_EMBEDDING_MODEL_IDS]);
    expect(byName.model_id?.combobox).toBe(true);
    expect(byName.region_name?.options).toEqual([...AWS_REGIONS]);
    expect(byName.region_name?.options).toHaveLength(34);
    expect(byName.dimensions?.options).toEqual(['256', '384', '512', '1024', '1536', '3072']);
    expect(byName.dimensions?.schema).toMatchObject({ default: 1024 });
  });

  test('secret inputs are password fields loading variables, with no value in the manifest but the variable name', () => {
    // api_key (a Bedrock API key) has no default variable: AWS_BEARER_TOKEN_BEDROCK is left to the default chain.
    for (const input of entry.inputs.filter((i) => i.type === 'SecretStrInput' && i.name !== 'api_key')) {
      expect(input.password).toBe(true);
      expect(input.loadFromDb).toBe(true);
      expect(typeof input.value).toBe('string');
      expect(input.value).toMatch(/^AWS_[A-Z_]+$/);
    }
  });

  test('the manifest survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
  });
});
