/**
 * `lease.credentialScope`: the secret-free identity of a lease's credentials that per-credential state
 * (the embedding cache) is keyed by. Equal credentials give equal scopes, different ones different
 * scopes, and no secret appears in it. No request is sent: acquire is synchronous.
 */
import fc from 'fast-check';
import { BedrockPool, type CredentialSource } from '../src';

const SECRET_A = 'scopeSecretNumberOne/aaaaaaaaaaaaaaaaaaaaaaaa';
const SECRET_B = 'scopeSecretNumberTwo/bbbbbbbbbbbbbbbbbbbbbbbb';

const source: fc.Arbitrary<CredentialSource> = fc.oneof(
  fc.record({
    kind: fc.constant('static' as const),
    accessKeyId: fc.constantFrom('AKIASCOPE00000000001', 'AKIASCOPE00000000002'),
    secretAccessKey: fc.constantFrom(SECRET_A, SECRET_B),
    sessionToken: fc.option(fc.constantFrom('scopeSessionTokenOne', 'scopeSessionTokenTwo'), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('profile' as const), profile: fc.constantFrom('dev', 'prod') }),
  fc.constant({ kind: 'default' as const }),
);

function meaning(s: CredentialSource): string {
  if (s.kind === 'static') return JSON.stringify(['static', s.accessKeyId, s.secretAccessKey, s.sessionToken ?? null]);
  if (s.kind === 'profile') return JSON.stringify(['profile', s.profile]);
  return 'default';
}

test('equal credentials share a scope, different credentials never do, and no secret is in it', async () => {
  // The operator allows the (unused) loopback endpoint for host credentials: no request is sent.
  const pool = new BedrockPool({ maxSlots: 1000, endpointPolicy: { allowedHosts: ['127.0.0.1:9'] } });
  try {
    let node = 0;
    await fc.assert(
      fc.property(source, source, (a, b) => {
        const first = pool.acquire({ graphId: 'g', nodeId: `n${node++}` }, { region: 'us-east-1', endpoint: 'https://127.0.0.1:9', credentials: a });
        const second = pool.acquire({ graphId: 'g', nodeId: `n${node++}` }, { region: 'us-east-1', endpoint: 'https://127.0.0.1:9', credentials: b });
        expect(first.credentialScope).toMatch(/^cs1-[A-Za-z0-9_-]{24}$/);
        expect(first.credentialScope === second.credentialScope).toBe(meaning(a) === meaning(b));
        for (const secret of [SECRET_A, SECRET_B, 'scopeSessionToken']) expect(first.credentialScope).not.toContain(secret);
      }),
      { numRuns: 200 },
    );
  } finally {
    await pool.destroy();
  }
});

test('the scope survives a config change that keeps the credentials (another slot, same scope)', async () => {
  const pool = new BedrockPool();
  try {
    const credentials: CredentialSource = { kind: 'static', accessKeyId: 'AKIASCOPE00000000001', secretAccessKey: SECRET_A };
    const a = pool.acquire({ graphId: 'g', nodeId: 'n' }, { region: 'us-east-1', credentials });
    const b = pool.acquire({ graphId: 'g', nodeId: 'n' }, { region: 'us-east-1', credentials, retry: { maxAttempts: 5 } });
    expect(b.slotId).not.toBe(a.slotId);
    expect(b.credentialScope).toBe(a.credentialScope);
  } finally {
    await pool.destroy();
  }
});
