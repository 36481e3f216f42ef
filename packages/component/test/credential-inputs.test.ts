import { inspect } from 'node:util';
import {
  awsCredentialInputs,
  ComponentValidationError,
  createVariableResolver,
  endpointUrlInput,
  findEndpointUrlProblem,
  resolveSecretInput,
  validateInputs,
} from '../src';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const inputs = { ...awsCredentialInputs(), endpoint_url: endpointUrlInput() };
const resolve = createVariableResolver({}, { env: false });

function issuesFor(values: Record<string, unknown>) {
  try {
    validateInputs(inputs, values, resolve, { component: 'Probe' });
  } catch (error) {
    if (error instanceof ComponentValidationError) return error;
    throw error;
  }
  return undefined;
}

describe('secret input forms (resolveSecretInput)', () => {
  it.each([
    ['{ token }', { token: 'FwoGZXIvYXdzEXAMPLE' }],
    ['{ profile }', { profile: 'dev' }],
    ['{ key }', { key: 'AKIAWRONGSHAPE000001' }],
    ['{} (empty object)', {}],
    ['{ variable: 42 }', { variable: 42 }],
    ['{ value: 42 }', { value: 42 }],
    ['an inherited variable', Object.create({ variable: 'AWS_ACCESS_KEY_ID' })],
    ['an inherited value', Object.create({ value: 'x' })],
  ])('rejects %s as a shape problem, never "unset"', (_name, raw) => {
    const result = resolveSecretInput(raw, resolve);
    expect(result.ok).toBe(false);
  });

  it('still accepts the secret forms (own keys), and an empty value is unset', () => {
    expect(resolveSecretInput({ value: 'lit' }, resolve)).toMatchObject({ ok: true });
    expect(resolveSecretInput({ value: '', load_from_db: true }, resolve)).toEqual({ ok: true, secret: undefined });
    expect(resolveSecretInput({ value: null }, resolve)).toEqual({ ok: true, secret: undefined });
    expect(resolveSecretInput({ variable: 'UNSET_NAME' }, resolve)).toEqual({ ok: true, secret: undefined, unresolvedVariable: 'UNSET_NAME' });
  });

  it('a malformed profile object is one issue on credentials_profile_name', () => {
    const error = issuesFor({ credentials_profile_name: { profile: 'dev' } });
    expect(error?.issues.map((issue) => issue.field)).toEqual(['credentials_profile_name']);
  });
});

describe('credential values', () => {
  it('accepts a well-formed key id, secret, token and profile', () => {
    expect(issuesFor({ aws_access_key_id: 'AKIAEXAMPLE000000001', aws_secret_access_key: SECRET, aws_session_token: 'FwoG/token+=', credentials_profile_name: 'dev-profile' })).toBeUndefined();
  });

  it('accepts any key id without whitespace or control characters (LocalStack, MinIO-style, proxy keys), as Bedrock does', () => {
    for (const keyId of ['test', 'akia-lowercase-0001', 'AKIASHORT', 'A'.repeat(129), 'minio_admin.key/1']) {
      expect(issuesFor({ aws_access_key_id: keyId, aws_secret_access_key: SECRET })).toBeUndefined();
    }
  });

  it.each([
    ['aws_access_key_id', 'AKIAEMULATOR00000001\r\nX-Injected: 1'],
    ['aws_access_key_id', 'AKIA EXAMPLE'],
    ['aws_access_key_id', 'AKIAEXAMPLEé'],
    ['api_key', 'ABSKkey\r\nX-Injected: 1'],
    ['api_key', 'ABSK key'],
    ['aws_secret_access_key', `${SECRET}\n`],
    ['aws_secret_access_key', `${SECRET}é`],
    ['aws_session_token', `tok\u0000en-${SECRET}`],
    ['credentials_profile_name', 'dev\r\nprofile'],
    ['credentials_profile_name', 'dév'],
  ])('%s %j: one issue on that field, the value never quoted', (field, value) => {
    const error = issuesFor({ [field]: value });
    expect(error?.issues.map((issue) => issue.field)).toEqual([field]);
    const shown = `${error?.message}\n${inspect(error, { showHidden: true, depth: 5 })}`;
    expect(shown).not.toContain(value);
  });

  it('checks the value a variable resolves to', () => {
    const fromVariable = createVariableResolver({ KEY: 'AKIA\r\nX' }, { env: false });
    expect(() => validateInputs(inputs, { aws_access_key_id: { variable: 'KEY' } }, fromVariable, { component: 'Probe' })).toThrow(ComponentValidationError);
  });
});

describe('endpoint host length (RFC 1035)', () => {
  it('rejects a host over 253 characters or with a label over 63, accepts the limits', () => {
    expect(findEndpointUrlProblem(`https://${'a'.repeat(100_000)}.example`)).toMatch(/invalid host/);
    expect(findEndpointUrlProblem(`https://${'a'.repeat(64)}.example.com`)).toMatch(/label over 63/);
    const label = 'a'.repeat(63);
    const longest = [label, label, label, 'a'.repeat(61)].join('.');
    expect(longest).toHaveLength(253);
    expect(findEndpointUrlProblem(`https://${longest}`)).toBeUndefined();
    expect(findEndpointUrlProblem(`https://${longest}a`)).toMatch(/254 characters/);
    expect(findEndpointUrlProblem('https://[::1]:8443/')).toBeUndefined();
  });
});
