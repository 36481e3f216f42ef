import fc from 'fast-check';
import { BedrockPool, type ClientConfig, type CredentialSource } from '../src';

const credentialSource: fc.Arbitrary<CredentialSource> = fc.oneof(
  fc.record({
    kind: fc.constant('static' as const),
    accessKeyId: fc.constantFrom('AKIAPROPERTY00000001', 'AKIAPROPERTY00000002'),
    secretAccessKey: fc.constantFrom('propertySecretNumberOne/aaaaaaaaaaaaaaaaaaaa', 'propertySecretNumberTwo/bbbbbbbbbbbbbbbbbbbb'),
    sessionToken: fc.option(fc.constantFrom('propertySessionTokenOne', 'propertySessionTokenTwo'), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('profile' as const),
    profile: fc.constantFrom('dev', 'prod'),
    configFile: fc.option(fc.constantFrom('/tmp/a-config', '/tmp/b-config'), { nil: undefined }),
  }),
  // Bedrock API keys, one of them equal to a static secret: the same string as a bearer token and as a SigV4 secret
  // are different credentials.
  fc.record({
    kind: fc.constant('bearer' as const),
    token: fc.constantFrom('ABSKcHJvcGVydHlBcGlLZXlPbmU', 'propertySecretNumberOne/aaaaaaaaaaaaaaaaaaaa'),
  }),
  fc.constant({ kind: 'default' as const }),
);

const clientConfig: fc.Arbitrary<ClientConfig> = fc.record({
  region: fc.constantFrom('us-east-1', 'eu-west-1'),
  endpoint: fc.constant('https://127.0.0.1:9'),
  credentials: credentialSource,
  retry: fc.option(fc.record({ maxAttempts: fc.constantFrom(3, 4) }), { nil: undefined }),
});

/** What the credential part of a config means, from the raw input (the test's own oracle). */
function credentialMeaning(source: CredentialSource | undefined): string {
  const s = source ?? { kind: 'default' };
  if (s.kind === 'static') return JSON.stringify(['static', s.accessKeyId, s.secretAccessKey, s.sessionToken ?? null]);
  if (s.kind === 'profile') return JSON.stringify(['profile', s.profile, s.configFile ?? null, s.credentialsFile ?? null]);
  if (s.kind === 'bearer') return JSON.stringify(['bearer', s.token]);
  return 'default';
}

/** The whole config's meaning, defaults applied (maxAttempts 3 is the default). */
function configMeaning(config: ClientConfig): string {
  return JSON.stringify([config.region, config.endpoint, credentialMeaning(config.credentials), config.retry?.maxAttempts ?? 3]);
}

test('different credentials never share a client; equal configs always do', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(clientConfig, { minLength: 2, maxLength: 6 }), async (configs) => {
      const pool = new BedrockPool({ openTelemetry: false, endpointPolicy: { allowedHosts: ['127.0.0.1:9'] } });
      try {
        const leases = configs.map((config, index) => pool.acquire({ graphId: 'g', nodeId: `n${index}` }, config));
        for (let i = 0; i < configs.length; i += 1) {
          for (let j = i + 1; j < configs.length; j += 1) {
            const a = configs[i] as ClientConfig;
            const b = configs[j] as ClientConfig;
            const sameClient = leases[i]?.client === leases[j]?.client;
            if (credentialMeaning(a.credentials) !== credentialMeaning(b.credentials)) expect(sameClient).toBe(false);
            expect(sameClient).toBe(configMeaning(a) === configMeaning(b));
            expect(leases[i]?.fingerprint === leases[j]?.fingerprint).toBe(sameClient);
          }
          const fingerprint = leases[i]?.fingerprint ?? '';
          expect(fingerprint).not.toMatch(/propertySecret|propertySessionToken|ABSK/);
        }
      } finally {
        await pool.destroy();
      }
    }),
    { numRuns: 100 },
  );
});
