import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, createComponent, type ComponentContext } from '@bedrock-flow/component';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockConverseDefinition, ConverseInitializationError } from '../src';
import { useEmulatorAndPool } from './support/emulator-and-pool';

let emu: RunningEmulator;
let pool: BedrockPool;
useEmulatorAndPool((started) => ({ emu, pool } = started));

const inputs = (extra: Record<string, unknown> = {}) => ({
  endpoint_url: emu.url,
  aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
  aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
  input_value: 'Hello',
  ...extra,
});
const context = (extra: Partial<ComponentContext> = {}): ComponentContext => ({ graphId: 'flow-val', nodeId: 'AmazonBedrockConverseModel-Val', pool, env: {}, ...extra });

/** Runs the whole node (validation, build_model, text_response) and returns the error it fails with. */
async function failureOf(extra: Record<string, unknown>, ctx: Partial<ComponentContext> = {}): Promise<unknown> {
  try {
    const instance = createComponent(amazonBedrockConverseDefinition, context(ctx), inputs(extra));
    instance.build_model();
    await instance.text_response();
  } catch (error) {
    return error;
  }
  throw new Error('expected the node to fail');
}

const BAD_INPUTS: Array<[field: string, value: unknown, problem: RegExp]> = [
  ['temperature', 3, /Too big/],
  ['temperature', -0.1, /Too small/],
  ['max_tokens', -1, /Too small/],
  ['max_tokens', 1.5, /expected int/],
  ['top_p', 'x', /not a number/],
  ['top_k', 501, /Too big/],
  ['region_name', 'mars-north-1', /region/i],
  ['region_name', 'us-east-1; rm -rf', /region/i],
  ['additional_model_fields', 'not a dict', /not a dict/],
  ['additional_model_fields', [{ a: 1 }, 7], /item 1 is not a dict/],
  ['additional_model_fields', [JSON.parse('{"__proto__": {"polluted": true}}')], /forbidden key "__proto__"/],
  ['additional_model_fields', [{ nested: { constructor: { prototype: 1 } } }], /forbidden key "constructor"/],
  ['endpoint_url', 'not a url', /whitespace|absolute URL/],
  ['endpoint_url', 'ftp://127.0.0.1', /scheme "ftp"/],
  ['endpoint_url', 'https://user:pass@127.0.0.1', /credentials/],
  ['endpoint_url', 'https://127.0.0.1/?x=1', /query/],
  ['model_id', 'bad id!', /Invalid model id/],
  ['stream', 'yes', /boolean/],
];

describe('bad inputs fail validation before any network call', () => {
  beforeEach(() => emu.resetStats());

  it.each(BAD_INPUTS)('%s = %j', async (field, value, problem) => {
    const error = await failureOf({ [field]: value });
    expect(error).toBeInstanceOf(ComponentValidationError);
    const validation = error as ComponentValidationError;
    expect(validation.code).toBe('ERR_COMPONENT_VALIDATION_FAILED');
    expect(validation.message.startsWith('ChatBedrockConverse validation error: ')).toBe(true);
    expect(validation.issues).toHaveLength(1);
    expect(validation.issues[0]).toMatchObject({ field, problem: expect.stringMatching(problem), allowed: expect.any(String) });
    expect(validation.message).toContain(`${field}: `);
    expect(validation.message).not.toContain('pass@');
    expect(emu.stats().requests.total).toBe(0);
    expect(emu.stats().connections.accepted).toBe(0);
  });

  it('lists every bad field in ONE error and never shows a secret', async () => {
    const secret = 'a-secret-that-must-not-leak-0001';
    const error = (await failureOf({
      temperature: 3,
      max_tokens: -1,
      top_p: 'x',
      region_name: 'nowhere',
      additional_model_fields: 5,
      endpoint_url: `https://u:${secret}@h`,
      aws_secret_access_key: { variable: `${secret} is not a name` },
    })) as ComponentValidationError;
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(
      ['additional_model_fields', 'aws_secret_access_key', 'endpoint_url', 'max_tokens', 'region_name', 'temperature', 'top_p'].sort(),
    );
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error.issues)).not.toContain(secret);
    expect(emu.stats().requests.total).toBe(0);
  });

  it('half a key pair fails at build time with the Langflow prefix', async () => {
    const error = (await failureOf({ aws_secret_access_key: null }, { variables: {} })) as ComponentValidationError;
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect(error.message).toMatch(/^ChatBedrockConverse validation error: aws_secret_access_key: is unset while aws_access_key_id is set/);
    expect(emu.stats().requests.total).toBe(0);
  });

  it('an empty input message fails before the call', async () => {
    const error = (await failureOf({ input_value: '' })) as ComponentValidationError;
    expect(error.issues[0]).toMatchObject({ field: 'input_value', problem: expect.stringMatching(/empty/) });
    expect(emu.stats().requests.total).toBe(0);
  });

  it('a closed pool gives "Could not initialize ChatBedrockConverse"', async () => {
    const closed = new BedrockPool();
    await closed.close();
    const error = await failureOf({}, { pool: closed });
    expect(error).toBeInstanceOf(ConverseInitializationError);
    expect((error as Error).message).toMatch(/^Could not initialize ChatBedrockConverse: /);
    expect((error as ConverseInitializationError).code).toBe('ERR_CONVERSE_INITIALIZATION_FAILED');
    expect(emu.stats().requests.total).toBe(0);
  });
});

describe('credentials from variables (load_from_db)', () => {
  it('resolves the default variable names from host variables and signs with them', async () => {
    emu.resetStats();
    const instance = createComponent(
      amazonBedrockConverseDefinition,
      context({ variables: { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey } }),
      { endpoint_url: emu.url, input_value: 'via variables' },
    );
    await expect(instance.text_response()).resolves.toMatchObject({ text: 'Echo: via variables' });
    expect(emu.stats().auth.byAccessKeyId).toEqual({ [TEST_CREDENTIALS.accessKeyId]: 1 });
  });
});
