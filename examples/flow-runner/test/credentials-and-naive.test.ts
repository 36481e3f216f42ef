import { execSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCredentialProcessProfiles } from '../src/credentials/credential-process-profile';
import { stockClientConfig } from '../src/modes/naive-client-factory';

describe('createCredentialProcessProfiles', () => {
  it('writes one counting credential_process profile per label; keys stay out of the config file', async () => {
    const keys = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'not-a-real-secret/000000000000000000000' };
    const profiles = await createCredentialProcessProfiles(['naive', 'bedrock-flow'], keys);
    try {
      const config = readFileSync(profiles.configFile, 'utf8');
      expect(config).toContain('[profile bedrock-flow-demo-naive]');
      expect(config).toContain('[profile bedrock-flow-demo-bedrock-flow]');
      expect(config).not.toContain(keys.secretAccessKey);
      expect(readFileSync(profiles.credentialsFile, 'utf8')).toBe('');
      // Run the configured command as the SDK would (through a shell), twice for one label.
      const command = /\[profile bedrock-flow-demo-naive\]\ncredential_process = (.+)\n/.exec(config)?.[1] as string;
      const printed = JSON.parse(execSync(command, { encoding: 'utf8' }));
      execSync(command);
      expect(printed).toEqual({ Version: 1, AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey });
      expect(await profiles.invocations('naive')).toBe(2);
      expect(await profiles.invocations('bedrock-flow')).toBe(0);
      const keysFile = join(profiles.configFile, '..', 'keys.json');
      expect(statSync(keysFile).mode & 0o077).toBe(0);
    } finally {
      await profiles.dispose();
    }
    expect(() => statSync(profiles.configFile)).toThrow();
  });
});

describe('stockClientConfig (what a naive component builds)', () => {
  it('keeps the SDK default handler, only adding the CA; a profile goes to the default chain', () => {
    const config = stockClientConfig({ region: 'us-west-2', endpoint: 'https://127.0.0.1:1', credentials: { kind: 'profile', profile: 'p' } }, 'PEM');
    expect(config).toEqual({
      region: 'us-west-2',
      endpoint: 'https://127.0.0.1:1',
      profile: 'p',
      requestHandler: { disableConcurrentStreams: true, nodeHttp2ConnectOptions: { ca: 'PEM' } },
    });
    expect(stockClientConfig({ region: 'us-east-1', credentials: { kind: 'static', accessKeyId: 'A', secretAccessKey: 'S' } })).toEqual({
      region: 'us-east-1',
      credentials: { accessKeyId: 'A', secretAccessKey: 'S' },
    });
    expect(stockClientConfig({ region: 'us-east-1' })).toEqual({ region: 'us-east-1' });
  });
});
