import {
  acquireBedrockClient,
  ComponentValidationError,
  Secret,
  toClientConfig,
  type ComponentContext,
  type ComponentPool,
} from '../src';

const SECRET = 'secret-value-not-to-be-shown';
const s = (value: string) => new Secret(value);

describe('toClientConfig credential precedence', () => {
  it('access key + secret -> static (with session token); profile and default ignored', () => {
    expect(
      toClientConfig({ aws_access_key_id: s('AKID'), aws_secret_access_key: s(SECRET), aws_session_token: s('tok'), credentials_profile_name: s('dev'), region_name: 'eu-west-1' }, { env: {} }),
    ).toEqual({ region: 'eu-west-1', credentials: { kind: 'static', accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: 'tok', origin: 'node' } });
    expect(toClientConfig({ aws_access_key_id: s('AKID'), aws_secret_access_key: s(SECRET) }, { env: {} }).credentials).toEqual({
      kind: 'static', accessKeyId: 'AKID', secretAccessKey: SECRET, origin: 'node',
    });
  });

  it('no keys -> profile; no profile -> default chain', () => {
    expect(toClientConfig({ credentials_profile_name: s('dev'), aws_session_token: s('ignored') }, { env: {} }).credentials).toEqual({ kind: 'profile', profile: 'dev', nameOrigin: 'node' });
    expect(toClientConfig({ credentials_profile_name: 'plain' }, { env: {} }).credentials).toEqual({ kind: 'profile', profile: 'plain', nameOrigin: 'node' });
    expect(toClientConfig({}, { env: {} }).credentials).toEqual({ kind: 'default' });
  });

  it('half a key pair is a validation error that shows no secret', () => {
    let error: unknown;
    try {
      toClientConfig({ aws_secret_access_key: s(SECRET) }, { env: {} }, { component: 'AmazonBedrockConverseModel' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues.map((i) => i.field)).toEqual(['aws_access_key_id']);
    expect((error as Error).message).not.toContain(SECRET);
    expect(() => toClientConfig({ aws_access_key_id: s('AKID') }, { env: {} })).toThrow(/aws_secret_access_key: is unset/);
  });

  it('region: value, else AWS_REGION / AWS_DEFAULT_REGION variables, else us-east-1; must be well formed', () => {
    expect(toClientConfig({}, { env: {} }).region).toBe('us-east-1');
    expect(toClientConfig({}, { env: { AWS_DEFAULT_REGION: 'eu-central-1' } }).region).toBe('eu-central-1');
    expect(toClientConfig({}, { variables: { AWS_REGION: 'ap-south-1' }, env: { AWS_DEFAULT_REGION: 'eu-central-1' } }).region).toBe('ap-south-1');
    // A region read from a variable is named, never echoed.
    expect(() => toClientConfig({}, { env: { AWS_REGION: 'nowhere' } })).toThrow(/region_name: is empty, so the variable AWS_REGION is used, and its value does not look like an AWS region \(the value is not shown\)/);
    expect(() => toClientConfig({}, { env: { AWS_REGION: 'nowhere' } })).not.toThrow(/nowhere/);
    expect(() => toClientConfig({ region_name: 'moon-1' }, { env: {} })).toThrow(/region_name: does not look like an AWS region/);
    expect(() => toClientConfig({ region_name: 'moon-1' }, { env: {} }, { errorPrefix: 'P: ' })).toThrow(/^P: region_name/);
  });

  it('passes the endpoint and extra transport settings through', () => {
    expect(toClientConfig({ endpoint_url: 'https://127.0.0.1:1234' }, { env: {} }, { extra: { retry: { maxAttempts: 1 } } })).toEqual({
      region: 'us-east-1', endpoint: 'https://127.0.0.1:1234', credentials: { kind: 'default' }, retry: { maxAttempts: 1 },
    });
    expect(() => toClientConfig({ endpoint_url: 'https://u:p@h' }, { env: {} })).toThrow(/endpoint_url: contains credentials/);
  });
});

describe('acquireBedrockClient', () => {
  it('acquires with the node identity and the derived config', () => {
    const calls: unknown[][] = [];
    const client = { tag: 'client' };
    const pool: ComponentPool = { acquire: (identity: unknown, config: unknown) => { calls.push([identity, config]); return { client } as never; } };
    const ctx: ComponentContext = { graphId: 'flow-1', nodeId: 'Node-abc', pool, env: {} };
    const lease = acquireBedrockClient(ctx, { region_name: 'us-west-2', aws_access_key_id: s('AKID'), aws_secret_access_key: s(SECRET) });
    expect(lease.client).toBe(client);
    expect(calls).toEqual([[{ graphId: 'flow-1', nodeId: 'Node-abc' }, { region: 'us-west-2', credentials: { kind: 'static', accessKeyId: 'AKID', secretAccessKey: SECRET, origin: 'node' } }]]);
    expect(() => acquireBedrockClient(ctx, { region_name: 'bad' })).toThrow(ComponentValidationError);
    expect(calls).toHaveLength(1);
  });
});
