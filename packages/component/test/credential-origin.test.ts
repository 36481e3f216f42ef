import { createVariableResolver, resolveSecretInput, Secret, toClientConfig } from '../src';

const typed = (value: string) => new Secret(value);
const fromVariable = (value: string, name: string) => new Secret(value, { kind: 'variable', name });

describe('toClientConfig sets the origin of static credentials (for the pool endpoint policy)', () => {
  it("every part typed into the node -> origin 'node'", () => {
    const config = toClientConfig({ aws_access_key_id: typed('AKIANODE'), aws_secret_access_key: typed('node-secret'), aws_session_token: typed('node-token') }, { env: {} });
    expect(config.credentials).toMatchObject({ kind: 'static', origin: 'node' });
  });

  it.each([
    ['the key id', { aws_access_key_id: fromVariable('AKIAHOST', 'AWS_ACCESS_KEY_ID'), aws_secret_access_key: typed('s') }],
    ['the secret', { aws_access_key_id: typed('AKIANODE'), aws_secret_access_key: fromVariable('s', 'TEAM_SECRET') }],
    ['the session token', { aws_access_key_id: typed('AKIANODE'), aws_secret_access_key: typed('s'), aws_session_token: fromVariable('t', 'AWS_SESSION_TOKEN') }],
  ])("%s from a host variable or the environment -> origin 'host'", (_part, values) => {
    expect(toClientConfig(values, { env: {} }).credentials).toMatchObject({ kind: 'static', origin: 'host' });
  });

  it("raw inputs: Langflow's { value, load_from_db: true } and { variable } are the host's; a literal is the node's", () => {
    const resolve = createVariableResolver({ TEAM_KEY: 'AKIAHOST', TEAM_SECRET: 'host-secret' }, { env: false });
    const secret = (raw: unknown) => {
      const resolution = resolveSecretInput(raw, resolve);
      if (!resolution.ok || !resolution.secret) throw new Error('expected a secret');
      return resolution.secret;
    };
    const fromDb = toClientConfig({ aws_access_key_id: secret({ value: 'TEAM_KEY', load_from_db: true }), aws_secret_access_key: secret({ variable: 'TEAM_SECRET' }) }, { env: {} });
    expect(fromDb.credentials).toMatchObject({ accessKeyId: 'AKIAHOST', origin: 'host' });
    const literal = toClientConfig({ aws_access_key_id: secret({ value: 'AKIANODE', load_from_db: false }), aws_secret_access_key: secret('node-secret') }, { env: {} });
    expect(literal.credentials).toMatchObject({ accessKeyId: 'AKIANODE', origin: 'node' });
  });

  it('profiles and the default chain carry no origin (they are always the host’s); a profile says where its NAME came from', () => {
    expect(toClientConfig({ credentials_profile_name: typed('dev') }, { env: {} }).credentials).toEqual({ kind: 'profile', profile: 'dev', nameOrigin: 'node' });
    const fromVariable = resolveSecretInput({ variable: 'TEAM_PROFILE' }, (name) => (name === 'TEAM_PROFILE' ? 'team-dev' : undefined));
    const named = toClientConfig({ credentials_profile_name: fromVariable.ok ? fromVariable.secret : undefined }, { env: {} }).credentials;
    expect(named).toEqual({ kind: 'profile', profile: 'team-dev', nameOrigin: 'host', nameVariable: 'TEAM_PROFILE' });
    expect(toClientConfig({}, { env: {} }).credentials).toEqual({ kind: 'default' });
  });
});
