import { inspect } from 'node:util';
import {
  awsCredentialInputs,
  boolInput,
  chatModelBaseInputs,
  ComponentDefinitionError,
  ComponentValidationError,
  createComponent,
  defineComponent,
  dictInput,
  dropdownInput,
  endpointUrlInput,
  floatInput,
  intInput,
  modelIdInput,
  regionNameInput,
  Secret,
  strInput,
  type ComponentContext,
} from '../src';

const SECRET = 'topsecretvalue-0123456789';

const probe = defineComponent({
  name: 'ProbeComponent',
  displayName: 'Probe',
  description: 'A component used to test the contract.',
  icon: 'Amazon',
  category: 'models',
  inputs: {
    ...chatModelBaseInputs(),
    model_id: modelIdInput(),
    ...awsCredentialInputs(),
    region_name: regionNameInput(),
    endpoint_url: endpointUrlInput(),
    temperature: floatInput({ displayName: 'Temperature', default: 0.7, min: 0, max: 1, advanced: true }),
    max_tokens: intInput({ displayName: 'Max Tokens', default: 4096, min: 1, advanced: true }),
    top_p: floatInput({ displayName: 'Top P', default: 0.9, min: 0, max: 1, advanced: true }),
    flag: boolInput({ displayName: 'Flag' }),
    mode: dropdownInput({ displayName: 'Mode', options: ['a', 'b'], default: 'a' }),
    extra: dictInput({ displayName: 'Extra', advanced: true }),
    label: strInput({ displayName: 'Label', required: true, default: 'x' }),
  },
  outputs: [
    { name: 'echo_output', displayName: 'Echo', method: 'echo', types: ['Data'] },
    { name: 'ctx_output', displayName: 'Context', method: 'node', types: ['Text'] },
  ],
  methods: {
    echo: (_ctx, values, options?: { suffix?: string }) => ({ values, suffix: options?.suffix }),
    node: (ctx) => `${ctx.graphId}/${ctx.nodeId}`,
  },
});

const noPool = { acquire: () => { throw new Error('no network in this test'); } };
const ctx = (extra: Partial<ComponentContext> = {}): ComponentContext => ({ graphId: 'g1', nodeId: 'ProbeComponent-1', pool: noPool, env: {}, ...extra });

function validationErrorOf(raw: Record<string, unknown>, extra: Partial<ComponentContext> = {}): ComponentValidationError {
  try {
    createComponent(probe, ctx(extra), raw);
  } catch (error) {
    if (error instanceof ComponentValidationError) return error;
    throw error;
  }
  throw new Error('expected a ComponentValidationError');
}

describe('createComponent', () => {
  it('applies defaults, coerces tweak strings and binds output methods to ctx and values', () => {
    const instance = createComponent(probe, ctx(), { temperature: '0.2', max_tokens: '100', flag: 'true', extra: { a: 1 } });
    const { values, suffix } = instance.echo({ suffix: '!' }) as { values: typeof instance.values; suffix: string };
    expect(suffix).toBe('!');
    expect(values.temperature).toBe(0.2);
    expect(values.max_tokens).toBe(100);
    expect(values.top_p).toBe(0.9);
    expect(values.flag).toBe(true);
    expect(values.stream).toBe(false);
    expect(values.system_message).toBe('');
    expect(values.model_id).toBe('anthropic.claude-3-5-sonnet-20241022-v2:0');
    expect(values.region_name).toBe('us-east-1');
    expect(values.extra).toEqual([{ a: 1 }]);
    expect(values.mode).toBe('a');
    expect(instance.node()).toBe('g1/ProbeComponent-1');
    expect(instance.output('ctx_output')).toBe('g1/ProbeComponent-1');
    expect(() => instance.output('nope')).toThrow(/no output "nope"/);
  });

  it('null unsets a float; typed combobox values are accepted', () => {
    const instance = createComponent(probe, ctx(), {
      temperature: null,
      model_id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      region_name: 'us-isob-east-1',
      input_value: { text: 'hi' },
    });
    expect(instance.values.temperature).toBeUndefined();
    expect(instance.values.model_id).toBe('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(instance.values.region_name).toBe('us-isob-east-1');
    expect(instance.values.input_value).toBe('hi');
  });

  it('resolves the default credential variable names from host variables, then env; unresolved -> undefined', () => {
    const instance = createComponent(probe, ctx({ variables: { AWS_ACCESS_KEY_ID: 'AKIDHOST00000001' }, env: { AWS_SECRET_ACCESS_KEY: SECRET } }), {});
    expect(instance.values.aws_access_key_id?.reveal()).toBe('AKIDHOST00000001');
    expect(instance.values.aws_secret_access_key?.reveal()).toBe(SECRET);
    expect(instance.values.aws_session_token).toBeUndefined();
    const none = createComponent(probe, ctx(), {});
    expect(none.values.aws_access_key_id).toBeUndefined();
    expect(none.values.aws_secret_access_key).toBeUndefined();
    expect(inspect(instance.values)).not.toContain(SECRET);
    expect(JSON.stringify(instance.values)).not.toContain(SECRET);
    expect(instance.values.aws_secret_access_key).toBeInstanceOf(Secret);
  });

  it('throws ONE error listing every bad field with problem, allowed and received', () => {
    const error = validationErrorOf({
      temperature: 3,
      max_tokens: -1,
      top_p: 'x',
      region_name: 'mars-north-1',
      extra: [1, { a: 1 }],
      endpoint_url: 'ftp://host',
      flag: 'maybe',
      mode: 'c',
      model_id: 'has space',
      label: '',
    });
    expect(error.code).toBe('ERR_COMPONENT_VALIDATION_FAILED');
    expect(error.component).toBe('ProbeComponent');
    expect(error.issues.map((issue) => issue.field)).toEqual([
      'model_id', 'region_name', 'endpoint_url', 'temperature', 'max_tokens', 'top_p', 'flag', 'mode', 'extra', 'label',
    ]);
    const byField = Object.fromEntries(error.issues.map((issue) => [issue.field, issue]));
    expect(byField.temperature).toMatchObject({ received: '3', allowed: 'a number from 0 to 1' });
    expect(byField.temperature?.problem).toMatch(/<=1/);
    expect(byField.max_tokens).toMatchObject({ received: '-1', allowed: 'an integer >= 1' });
    expect(byField.top_p).toMatchObject({ received: '"x"', problem: 'is not a number' });
    expect(byField.region_name?.allowed).toMatch(/listed AWS regions/);
    expect(byField.extra?.problem).toMatch(/item 0 is not a dict/);
    expect(byField.endpoint_url?.problem).toMatch(/scheme "ftp"/);
    expect(byField.mode?.allowed).toBe('one of a, b');
    expect(byField.label?.problem).toBe('is required');
    for (const field of ['temperature', 'max_tokens', 'top_p', 'region_name', 'endpoint_url']) expect(error.message).toContain(`${field}:`);
    expect(error.message).toMatch(/^Invalid inputs for ProbeComponent: /);
  });

  it('never echoes a secret, even a malformed one, and masks URL credentials', () => {
    const error = validationErrorOf({
      aws_secret_access_key: { variable: `${SECRET} not a name` },
      endpoint_url: `https://user:${SECRET}@example.com`,
      temperature: 9,
    });
    expect(error.issues.map((issue) => issue.field)).toEqual(['aws_secret_access_key', 'endpoint_url', 'temperature']);
    expect(error.issues[0]?.received).toBeUndefined();
    expect(error.issues[1]?.received).toBe('"https://***@example.com"');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error.issues)).not.toContain(SECRET);
    expect(inspect(error)).not.toContain(SECRET);
  });

  it.each([
    ['http://127.0.0.1:4566', true],
    ['https://bedrock-runtime.us-east-1.amazonaws.com', true],
    ['https://[::1]:8443/base', true],
    ['  https://host.example  ', true],
    ['127.0.0.1:4566', false],
    ['https://', false],
    ['https://host?x=1', false],
    ['https://host#frag', false],
    ['https://ho st', false],
    ['file:///etc/passwd', false],
  ])('endpoint_url %s valid=%s', (url, valid) => {
    if (valid) expect(createComponent(probe, ctx(), { endpoint_url: url }).values.endpoint_url).toBe(url.trim());
    else expect(validationErrorOf({ endpoint_url: url }).issues[0]?.field).toBe('endpoint_url');
  });

  it('ignores unknown inputs by default and rejects them on request', () => {
    expect(createComponent(probe, ctx(), { code: 'x' }).values).not.toHaveProperty('code');
    expect(() => createComponent(probe, ctx(), { tempreature: 1 }, { unknownInputs: 'reject' })).toThrow(/tempreature: is not an input/);
  });

  it('uses the definition\'s validation prefix', () => {
    const prefixed = defineComponent({ ...probe, validationErrorPrefix: 'ChatBedrockConverse validation error: ' });
    expect(() => createComponent(prefixed, ctx(), { temperature: 3 })).toThrow(/^ChatBedrockConverse validation error: temperature: /);
  });
});

describe('defineComponent', () => {
  const base = { displayName: 'X', description: 'x', icon: 'Amazon', category: 'models', inputs: {} };
  it('rejects outputs naming a missing method, duplicate outputs and bad names', () => {
    expect(() => defineComponent({ ...base, name: 'X', outputs: [{ name: 'o', displayName: 'O', method: 'missing' as never, types: [] }], methods: {} })).toThrow(ComponentDefinitionError);
    expect(() =>
      defineComponent({ ...base, name: 'X', outputs: [{ name: 'o', displayName: 'O', method: 'm', types: [] }, { name: 'o', displayName: 'O', method: 'm', types: [] }], methods: { m: () => 1 } }),
    ).toThrow(/duplicate output/);
    expect(() => defineComponent({ ...base, name: 'bad name', outputs: [], methods: {} })).toThrow(/identifier/);
    expect(() => defineComponent({ ...base, name: 'X', inputs: { BadField: strInput({ displayName: 'b' }) }, outputs: [], methods: {} })).toThrow(/snake_case/);
  });
});
