import { inspect } from 'node:util';
import {
  awsCredentialInputs,
  ComponentDefinitionError,
  ComponentValidationError,
  createComponent,
  defineComponent,
  intInput,
  isCredentialLikeField,
  LANGFLOW_LEGACY_AWS_FIELDS,
  modelIdInput,
  regionNameInput,
  toClientConfig,
  type ComponentContext,
} from '../src';

const KEY_ID = 'AKIAFLOWKEY000000001';
const SECRET = 'flowSecretKeyUnderTest/0000000000000000001';

const probe = defineComponent({
  name: 'LegacyProbe',
  displayName: 'Legacy probe',
  description: 'Inputs with old names.',
  icon: 'Amazon',
  category: 'models',
  legacyFields: LANGFLOW_LEGACY_AWS_FIELDS,
  inputs: { model_id: modelIdInput(), ...awsCredentialInputs(), region_name: regionNameInput(), max_tokens: intInput({ displayName: 'Max Tokens', min: 1 }) },
  outputs: [{ name: 'config_output', displayName: 'Config', method: 'config', types: ['Data'] }],
  methods: { config: (ctx, values) => toClientConfig(values, ctx) },
});

const noPool = { acquire: () => { throw new Error('no network in this test'); } };
const ENV = { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 'environmentSecret/000000000000000000000001' };
const ctx = (extra: Partial<ComponentContext> = {}): ComponentContext => ({ graphId: 'g', nodeId: 'LegacyProbe-1', pool: noPool, env: ENV, ...extra });
const configOf = (raw: Record<string, unknown>, extra: Partial<ComponentContext> = {}) =>
  createComponent(probe, ctx(extra), raw).output('config_output') as ReturnType<typeof toClientConfig>;

function errorOf(run: () => unknown): ComponentValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ComponentValidationError) return error;
    throw error;
  }
  throw new Error('expected a ComponentValidationError');
}

describe('legacy field names (Langflow 1.0.x aws_access_key / aws_secret_key)', () => {
  it('a literal key pair under the old names is used exactly like the new names, never the environment keys', () => {
    expect(configOf({ aws_access_key: KEY_ID, aws_secret_key: SECRET }).credentials).toEqual({
      kind: 'static', accessKeyId: KEY_ID, secretAccessKey: SECRET, origin: 'node',
    });
    expect(configOf({ aws_access_key: KEY_ID, aws_secret_key: SECRET })).toEqual(configOf({ aws_access_key_id: KEY_ID, aws_secret_access_key: SECRET }));
  });

  it('load_from_db variables under the old names resolve from the host variables (origin host)', () => {
    const variables = { FLOW_KEY_ID: KEY_ID, FLOW_SECRET: SECRET };
    const raw = { aws_access_key: { value: 'FLOW_KEY_ID', load_from_db: true }, aws_secret_key: { value: 'FLOW_SECRET', load_from_db: true } };
    expect(configOf(raw, { variables }).credentials).toEqual({ kind: 'static', accessKeyId: KEY_ID, secretAccessKey: SECRET, origin: 'host' });
  });

  it('old and new name both set to the same value is fine; to different values is one issue naming both', () => {
    expect(configOf({ aws_access_key: KEY_ID, aws_access_key_id: KEY_ID, aws_secret_key: SECRET }).credentials).toMatchObject({ accessKeyId: KEY_ID });
    const error = errorOf(() => configOf({ aws_access_key: KEY_ID, aws_access_key_id: 'AKIAOTHERKEY00000001', aws_secret_key: SECRET }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ field: 'aws_access_key_id' });
    expect(error.message).toMatch(/aws_access_key_id.*aws_access_key\b/);
    expect(error.message).not.toContain(KEY_ID);
  });

  it('an empty old name does not hide the new one (Langflow saves unset fields as "")', () => {
    expect(configOf({ aws_access_key: '', aws_access_key_id: KEY_ID, aws_secret_access_key: SECRET }).credentials).toMatchObject({ accessKeyId: KEY_ID });
  });

  it('a bad value under an old name is reported on the current input, never echoed', () => {
    const error = errorOf(() => configOf({ aws_access_key: 'AKIA\r\nX-Injected: 1', aws_secret_key: SECRET }));
    expect(error.issues.map((issue) => issue.field)).toEqual(['aws_access_key_id']);
    expect(inspect(error, { showHidden: true, depth: 5 })).not.toContain(SECRET);
  });

  it('defineComponent refuses a legacy field that maps to no input, or shadows one', () => {
    const base = { name: 'Bad', displayName: 'Bad', description: 'x', icon: 'x', category: 'x', inputs: { region_name: regionNameInput() }, outputs: [], methods: {} };
    expect(() => defineComponent({ ...base, legacyFields: { region: 'nope' } })).toThrow(ComponentDefinitionError);
    expect(() => defineComponent({ ...base, legacyFields: { region_name: 'region_name' } })).toThrow(ComponentDefinitionError);
  });
});

describe('unknown inputs that look like credentials', () => {
  it.each(['aws_key', 'api_token', 'openai_api_key', 'AWS_SECRET', 'db_password', 'SessionToken', 'credentials'])('%s is a validation issue naming it (value never shown)', (field) => {
    const error = errorOf(() => configOf({ [field]: SECRET }));
    expect(error.issues.map((issue) => issue.field)).toEqual([field]);
    expect(error.issues[0]!.problem).toMatch(/looks like a credential/);
    expect(error.issues[0]!.allowed).toMatch(/aws_access_key_id/);
    expect(error.message).not.toContain(SECRET);
  });

  it('unknown non-credential tweaks stay ignored, as upstream; token counts are not credentials', () => {
    expect(() => configOf({ cache: true, code: 'class X: pass', max_new_tokens: 5, _type: 'Component' })).not.toThrow();
    for (const name of ['max_tokens', 'max_new_tokens', 'maxTokens', 'cache', 'top_k']) expect(isCredentialLikeField(name)).toBe(false);
    for (const name of ['aws_access_key', 'api_key', 'token', 'x-password', 'MySecret', 'credential_source']) expect(isCredentialLikeField(name)).toBe(true);
  });

  it('every bad field at once: a credential-looking key, a conflicting legacy pair and a bad region in one error', () => {
    const error = errorOf(() => configOf({ aws_secret_key: SECRET, aws_secret_access_key: 'otherSecret', bearer_token: 'x', region_name: 'mars-north-1' }));
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(['aws_secret_access_key', 'bearer_token', 'region_name']);
  });
});

describe('Bedrock API key (api_key)', () => {
  const API_KEY = 'ABSKQmVkcm9ja0FQSUtleS11bml0LXRlc3Q';

  it('a literal API key -> a bearer source with origin node, winning over access keys and profile', () => {
    expect(configOf({ api_key: API_KEY, aws_access_key_id: KEY_ID, aws_secret_access_key: SECRET, credentials_profile_name: 'dev' }).credentials).toEqual({
      kind: 'bearer', token: API_KEY, origin: 'node',
    });
  });

  it('an API key from a variable ({ value, load_from_db }) -> origin host; unresolved -> an error naming api_key, never the other credentials', () => {
    expect(configOf({ api_key: { value: 'MY_BEDROCK_KEY', load_from_db: true } }, { variables: { MY_BEDROCK_KEY: API_KEY } }).credentials).toEqual({
      kind: 'bearer', token: API_KEY, origin: 'host',
    });
    expect(() => configOf({ api_key: { value: 'MY_BEDROCK_KEY', load_from_db: true } })).toThrow(/api_key: names the variable "MY_BEDROCK_KEY", which is not set, empty or not usable/);
  });

  it('AWS_BEARER_TOKEN_BEDROCK in the environment is not a default of the input: the node keeps its keys or the default chain', () => {
    const env = { AWS_BEARER_TOKEN_BEDROCK: API_KEY };
    expect(configOf({}, { env }).credentials).toEqual({ kind: 'default' });
    expect(configOf({ aws_access_key_id: KEY_ID, aws_secret_access_key: SECRET }, { env }).credentials).toMatchObject({ kind: 'static', accessKeyId: KEY_ID });
  });
});

describe('loosened validation', () => {
  it('a key id unlike an AWS one is accepted with one warning per logger (never quoting it)', () => {
    const warnings: unknown[][] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) };
    for (let i = 0; i < 3; i += 1) expect(configOf({ aws_access_key_id: 'test', aws_secret_access_key: 'test' }, { logger }).credentials).toMatchObject({ accessKeyId: 'test' });
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toMatch(/aws_access_key_id does not look like an AWS access key id/);
    expect(JSON.stringify(warnings)).not.toMatch(/"test"/);
    configOf({ aws_access_key_id: KEY_ID, aws_secret_access_key: SECRET }, { logger });
    expect(warnings).toHaveLength(1);
  });

  it('regions of every partition are accepted, mars-north-1 is not', () => {
    for (const region of ['eusc-de-east-1', 'us-isob-east-1', 'us-iso-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'cn-north-1', 'us-gov-east-1']) {
      expect(configOf({ region_name: region }).region).toBe(region);
    }
    expect(errorOf(() => configOf({ region_name: 'mars-north-1' })).issues.map((issue) => issue.field)).toEqual(['region_name']);
  });

  it.each(['', '   ', '\t', null])('model_id %j is an error naming model_id, never the default model', (modelId) => {
    const error = errorOf(() => configOf({ model_id: modelId }));
    expect(error.issues.map((issue) => issue.field)).toEqual(['model_id']);
    expect(error.issues[0]!.problem).toMatch(/empty/);
  });

  it('model_id left out is the default', () => {
    expect(createComponent(probe, ctx(), {}).values.model_id).toBe('anthropic.claude-3-5-sonnet-20241022-v2:0');
  });
});
