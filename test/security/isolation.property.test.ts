/**
 * Isolation: two nodes share a client only if their credentials, region, endpoint and options are identical.
 * A fast-check property over random pairs of configurations drawn from small domains (so equal pairs are common),
 * through the pool directly and through the components' `toClientConfig` path.
 */
import fc from 'fast-check';
import { BedrockPool, type ClientConfig, type CredentialSource } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { PooledChatBedrockConverse } from '@bedrock-flow/converse';

// Each optional field is either absent or a value different from the pool's default, so "identical" is plain
// deep equality of the generated objects.
const credentials: fc.Arbitrary<CredentialSource | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    kind: fc.constant('static' as const),
    accessKeyId: fc.constantFrom('AKIAISOLATION0000001', 'AKIAISOLATION0000002'),
    secretAccessKey: fc.constantFrom('secret-one/000000000000000000000000000001', 'secret-two/000000000000000000000000000002'),
    sessionToken: fc.constantFrom(undefined, 'token-a', 'token-b'),
  }).map(({ sessionToken, ...rest }) => (sessionToken === undefined ? rest : { ...rest, sessionToken })),
  fc.record({ kind: fc.constant('profile' as const), profile: fc.constantFrom('dev', 'prod') }),
);
const config: fc.Arbitrary<ClientConfig> = fc
  .record({
    region: fc.constantFrom('us-east-1', 'eu-west-1'),
    endpoint: fc.constantFrom(undefined, 'https://127.0.0.1:4443', 'https://127.0.0.1:4444', 'http://127.0.0.1:4443'),
    credentials,
    maxSockets: fc.constantFrom(undefined, 10),
    requestTimeoutMs: fc.constantFrom(undefined, 5_000),
    retryMode: fc.constantFrom(undefined, 'standard' as const),
    maxAttempts: fc.constantFrom(undefined, 5),
    rejectUnauthorized: fc.constantFrom(undefined, false),
  })
  .map(({ region, endpoint, credentials: creds, maxSockets, requestTimeoutMs, retryMode, maxAttempts, rejectUnauthorized }) => {
    const out: ClientConfig = { region, credentials: creds ?? { kind: 'default' } };
    if (endpoint) out.endpoint = endpoint;
    if (maxSockets || requestTimeoutMs) out.http = { ...(maxSockets ? { maxSockets } : {}), ...(requestTimeoutMs ? { requestTimeoutMs } : {}) };
    if (retryMode || maxAttempts) out.retry = { ...(retryMode ? { mode: retryMode } : {}), ...(maxAttempts ? { maxAttempts } : {}) };
    if (rejectUnauthorized === false) out.tls = { rejectUnauthorized };
    return out;
  });

// Half the pairs are independent, half are a config and a copy of it with at most one field replaced (often by an
// equal value), so identical and near-identical pairs (one differing field: a secret, a token, a timeout) are common.
/** The operator's setting for the (never contacted) loopback endpoints, so configs with host credentials are acquired. */
const LOOPBACK_ALLOWED = { allowedHosts: ['127.0.0.1:4443', '127.0.0.1:4444'] };

const FIELDS = ['region', 'endpoint', 'credentials', 'http', 'retry', 'tls'] as const;
const pair: fc.Arbitrary<[ClientConfig, ClientConfig]> = fc.oneof(
  fc.tuple(config, config),
  fc.tuple(config, config, fc.constantFrom(...FIELDS)).map(([a, other, field]) => {
    const b = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
    if ((other as unknown as Record<string, unknown>)[field] === undefined) delete b[field];
    else b[field] = (other as unknown as Record<string, unknown>)[field];
    return [a, b as unknown as ClientConfig] as [ClientConfig, ClientConfig];
  }),
);

/** Deep equality with `undefined` members ignored. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

it('pool: two nodes share a client exactly when their configurations are identical', async () => {
  let equalPairs = 0;
  let pairs = 0;
  await fc.assert(
    fc.asyncProperty(pair, async ([a, b]) => {
      const pool = new BedrockPool({ openTelemetry: false, releaseGraceMs: 0, idleTtlMs: 0, endpointPolicy: LOOPBACK_ALLOWED });
      try {
        const leaseA = pool.acquire({ graphId: 'g', nodeId: 'node-a' }, a);
        const leaseB = pool.acquire({ graphId: 'g', nodeId: 'node-b' }, b);
        const shared = leaseA.client === leaseB.client;
        pairs += 1;
        if (same(a, b)) equalPairs += 1;
        expect(shared).toBe(same(a, b));
        expect(leaseA.fingerprint === leaseB.fingerprint).toBe(shared);
        expect(pool.metrics().slots).toHaveLength(shared ? 1 : 2);
      } finally {
        await pool.destroy();
      }
    }),
    { numRuns: 300 },
  );
  await fc.assert(
    fc.asyncProperty(config, async (a) => {
      const pool = new BedrockPool({ openTelemetry: false, releaseGraceMs: 0, idleTtlMs: 0, endpointPolicy: LOOPBACK_ALLOWED });
      try {
        const copy = JSON.parse(JSON.stringify(a)) as ClientConfig;
        expect(pool.acquire({ graphId: 'g', nodeId: 'a' }, a).client).toBe(pool.acquire({ graphId: 'g', nodeId: 'b' }, copy).client);
      } finally {
        await pool.destroy();
      }
    }),
    { numRuns: 100 },
  );
  console.info(`isolation: ${pairs} random pairs (${equalPairs} identical) + 100 copies`);
  expect(equalPairs).toBeGreaterThan(0);
  expect(pairs - equalPairs).toBeGreaterThan(0);
});

it('components: nodes share a client exactly when their connection inputs are identical', async () => {
  const secretInput = fc.constantFrom('secret-one/000000000000000000000000000001', 'secret-two/000000000000000000000000000002');
  const inputs = fc.record({
    region_name: fc.constantFrom('us-east-1', 'eu-west-1'),
    endpoint_url: fc.constantFrom('https://127.0.0.1:4443', 'https://127.0.0.1:4444'),
    aws_access_key_id: fc.constantFrom('AKIAISOLATION0000001', 'AKIAISOLATION0000002'),
    aws_secret_access_key: secretInput,
    aws_session_token: fc.constantFrom(undefined, 'token-a', 'token-b'),
  });
  // Inputs that do not reach the client (model, temperature) must not split it.
  const modelInputs = fc.record({ temperature: fc.constantFrom(0.1, 0.9), model_id: fc.constantFrom('anthropic.claude-3-haiku-20240307-v1:0', 'amazon.titan-text-express-v1') });
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.tuple(inputs, inputs), inputs.map((a) => [a, { ...a }] as const)), modelInputs, fc.boolean(), async ([a, b], extra, embeddingsForB) => {
      const pool = new BedrockPool({ openTelemetry: false, releaseGraceMs: 0, idleTtlMs: 0, endpointPolicy: LOOPBACK_ALLOWED });
      try {
        const ctx = (nodeId: string) => ({ graphId: 'g', nodeId, pool, env: false as const });
        const chat = createComponent(amazonBedrockConverseDefinition, ctx('converse-a'), { ...a, ...extra }).build_model();
        expect(chat).toBeInstanceOf(PooledChatBedrockConverse);
        const clientA = chat.client;
        const clientB = embeddingsForB
          ? createComponent(amazonBedrockEmbeddingsDefinition, ctx('embeddings-b'), b).build_embeddings().client
          : createComponent(amazonBedrockConverseDefinition, ctx('converse-b'), b).build_model().client;
        expect(clientA === clientB).toBe(same(a, b));
      } finally {
        await pool.destroy();
      }
    }),
    { numRuns: 150 },
  );
});
