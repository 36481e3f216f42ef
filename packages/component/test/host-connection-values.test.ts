import { hostConnectionValues, Secret, type HostCredentialRule } from '../src';

const nodeRed: HostCredentialRule = { owner: { kind: 'host', label: (field) => `the config credential ${field}` }, fallback: { kind: 'default-chain' } };
const keys: HostCredentialRule = { owner: { kind: 'node' }, fallback: { kind: 'require', credential: 'keys', where: 'the AWS credential', fieldPrefix: 'credential.' } };
const apiKey: HostCredentialRule = { owner: { kind: 'node' }, fallback: { kind: 'require', credential: 'api-key', where: 'the API key credential', fieldPrefix: 'credential.' } };

describe('hostConnectionValues: one mapping of a host-stored connection onto component inputs', () => {
  it('default-chain: blanks stay unset (profile, then the SDK default chain), stored secrets are the host\'s', () => {
    const { values, issues } = hostConnectionValues({ region: ' eu-west-1 ', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: '  ', apiKey: '' }, nodeRed);
    expect(issues).toEqual([]);
    expect(values).toMatchObject({ region_name: 'eu-west-1', endpoint_url: '', credentials_profile_name: '', aws_secret_access_key: '', aws_session_token: '', api_key: '' });
    const id = values.aws_access_key_id as Secret;
    expect(id).toBeInstanceOf(Secret);
    expect(id.origin).toEqual({ kind: 'host', name: 'the config credential accessKeyId' });
    expect(JSON.stringify(values)).not.toContain('AKIDEXAMPLE');
  });

  it('require keys: both keys must be set (issues name the field, never a value); profile and token are explicit nulls', () => {
    const { values, issues } = hostConnectionValues({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: '' }, keys);
    expect(issues).toEqual([{ field: 'credential.secretAccessKey', problem: 'is empty', allowed: 'both keys of an IAM key pair, set in the AWS credential' }]);
    expect(values).toMatchObject({ aws_session_token: null, credentials_profile_name: null });
    expect((values.aws_access_key_id as Secret).origin).toEqual({ kind: 'value' });
    expect(values).not.toHaveProperty('region_name');
    expect(values).not.toHaveProperty('api_key');
  });

  it('require api-key: the key must be set; every IAM input is an explicit null, so nothing comes from the environment', () => {
    const { values, issues } = hostConnectionValues({ apiKey: ' ', region: 'us-west-2', endpoint: 'https://gw.corp.example' }, apiKey);
    expect(issues.map((issue) => issue.field)).toEqual(['credential.apiKey']);
    expect(values).toMatchObject({ aws_access_key_id: null, aws_secret_access_key: null, aws_session_token: null, credentials_profile_name: null, region_name: 'us-west-2', endpoint_url: 'https://gw.corp.example' });
  });
});
