import { inspect } from 'node:util';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockPool, type ClientConfig } from '../src';
import { redactSecrets } from '../src/errors/redact-secrets';
import { converse, usePoolAndEmulator } from './support/pool-fixture';

// Bedrock API keys: long-term keys start `ABSK`; the env key is another valid one, so a wrong choice would succeed
// silently and only the emulator's per-principal count shows which credential signed.
const API_KEY = 'ABSKQmVkcm9ja0FQSUtleS1ub2RlLWtleS11bmRlci10ZXN0';
const ENV_API_KEY = 'ABSKQmVkcm9ja0FQSUtleS1lbnYta2V5LXVuZGVyLXRlc3Q';
const ENV_KEYS = { accessKeyId: 'AKIAENVIRONMENT00001', secretAccessKey: 'environmentSecretKeyUnderTest/000000000001' };
const ENV_NAMES = ['AWS_BEARER_TOKEN_BEDROCK', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

/** Sets the environment variables for one test and restores them afterwards. */
function useEnvironment(): (values: Partial<Record<(typeof ENV_NAMES)[number], string>>) => void {
  const saved = new Map<string, string | undefined>();
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    saved.clear();
  });
  return (values) => {
    for (const name of ENV_NAMES) {
      if (!saved.has(name)) saved.set(name, process.env[name]);
      const value = values[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

describe('bearer credentials (Bedrock API keys)', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;
  const start = usePoolAndEmulator({ start: 'manual' }, (started) => ({ emulator, pool, config } = started));
  const setEnv = useEnvironment();
  const startWithKeys = () =>
    start({ releaseGraceMs: 0 }, { bearerTokens: [API_KEY, ENV_API_KEY], credentials: [TEST_CREDENTIALS, ENV_KEYS] });

  test('a bearer slot sends Authorization: Bearer with its own key, even with SigV4 keys and another API key in the environment', async () => {
    setEnv({ AWS_BEARER_TOKEN_BEDROCK: ENV_API_KEY, AWS_ACCESS_KEY_ID: ENV_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: ENV_KEYS.secretAccessKey });
    await startWithKeys();
    const lease = pool.acquire({ graphId: 'g', nodeId: 'bearer' }, { ...config, credentials: { kind: 'bearer', token: API_KEY, origin: 'node' } });
    await converse(lease.client);
    await converse(lease.client);
    expect(emulator.stats().auth.byAccessKeyId).toEqual({ bearer: 2 });
    // The emulator accepts both keys; which one was sent is checked by a second emulator that knows only the node's key.
    const strict = await import('@bedrock-flow/emulator').then((m) => m.startEmulator({ tls: true, bearerTokens: [API_KEY], credentials: [] }));
    try {
      const strictPool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(strict.url).host] }, defaults: { tls: { ca: strict.ca } } });
      const strictLease = strictPool.acquire({ graphId: 'g', nodeId: 'n' }, { region: 'us-east-1', endpoint: strict.url, credentials: { kind: 'bearer', token: API_KEY } });
      await converse(strictLease.client);
      expect(strict.stats().auth).toEqual({ failures: 0, byAccessKeyId: { bearer: 1 } });
      await strictPool.close();
    } finally {
      await strict.close();
    }
  });

  test('a static slot signs with SigV4 and its own keys when AWS_BEARER_TOKEN_BEDROCK is set (the SDK would prefer the bearer token)', async () => {
    setEnv({ AWS_BEARER_TOKEN_BEDROCK: ENV_API_KEY, AWS_ACCESS_KEY_ID: ENV_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: ENV_KEYS.secretAccessKey });
    await startWithKeys();
    const lease = pool.acquire({ graphId: 'g', nodeId: 'static' }, config);
    await converse(lease.client);
    expect(emulator.stats().auth.byAccessKeyId).toEqual({ [TEST_CREDENTIALS.accessKeyId]: 1 });
  });

  test('the default chain keeps the SDK behaviour: AWS_BEARER_TOKEN_BEDROCK in the environment is sent as a bearer token', async () => {
    setEnv({ AWS_BEARER_TOKEN_BEDROCK: ENV_API_KEY });
    await startWithKeys();
    const lease = pool.acquire({ graphId: 'g', nodeId: 'default' }, { ...config, credentials: { kind: 'default' } });
    await converse(lease.client);
    expect(emulator.stats().auth.byAccessKeyId).toEqual({ bearer: 1 });
  });

  test('a host with only AWS_BEARER_TOKEN_BEDROCK: warm-up opens the connection without resolving SigV4 keys, then calls use the token', async () => {
    setEnv({ AWS_BEARER_TOKEN_BEDROCK: ENV_API_KEY });
    await startWithKeys();
    const lease = pool.acquire({ graphId: 'g', nodeId: 'default-warm' }, { ...config, credentials: { kind: 'default' } });
    await pool.warm(lease);
    expect(emulator.stats().connections.accepted).toBe(1);
    await converse(lease.client);
    expect(emulator.stats().connections.accepted).toBe(1);
    expect(emulator.stats().auth.byAccessKeyId).toEqual({ bearer: 1 });
    const slot = pool.metrics().slots[0]!;
    expect(slot.credentials).toMatchObject({ resolutions: 0, failures: 0 });
  });

  test('bearer and SigV4 sources never share a client; equal tokens share one; different tokens do not', async () => {
    await startWithKeys();
    const bearer = pool.acquire({ graphId: 'g', nodeId: 'a' }, { ...config, credentials: { kind: 'bearer', token: API_KEY } });
    const sameToken = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, credentials: { kind: 'bearer', token: API_KEY } });
    const otherToken = pool.acquire({ graphId: 'g', nodeId: 'c' }, { ...config, credentials: { kind: 'bearer', token: ENV_API_KEY } });
    const sigv4 = pool.acquire({ graphId: 'g', nodeId: 'd' }, config);
    expect(sameToken.client).toBe(bearer.client);
    expect(otherToken.client).not.toBe(bearer.client);
    expect(sigv4.client).not.toBe(bearer.client);
    expect(new Set([bearer.fingerprint, otherToken.fingerprint, sigv4.fingerprint]).size).toBe(3);
    const shown = [inspect(pool.metrics(), { depth: 8 }), JSON.stringify(pool.metrics()), bearer.fingerprint, inspect(bearer, { depth: 4 })].join('\n');
    expect(shown).not.toContain(API_KEY);
    expect(shown).not.toContain(ENV_API_KEY);
    expect(shown).toContain('Bedrock API key');
  });

  test('a wrong API key fails once with UnrecognizedClientException: no retries, no SigV4 fallback', async () => {
    await startWithKeys();
    const lease = pool.acquire({ graphId: 'g', nodeId: 'wrong' }, { ...config, credentials: { kind: 'bearer', token: 'ABSKd3JvbmdLZXlVbmRlclRlc3Q' } });
    const error = (await converse(lease.client).catch((e: unknown) => e)) as Error & { $metadata?: { attempts?: number } };
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.$metadata?.attempts).toBe(1);
    expect(emulator.stats().auth.failures).toBe(1);
    expect(emulator.stats().auth.byAccessKeyId).toEqual({});
  });

  test('an empty or header-splitting token is a config error that never echoes it', async () => {
    await startWithKeys();
    expect(() => pool.acquire({ graphId: 'g', nodeId: 'e' }, { ...config, credentials: { kind: 'bearer', token: '' } })).toThrow(/credentials\.token/);
    const splitting = `${API_KEY}\r\nX-Injected: 1`;
    let message = '';
    try {
      pool.acquire({ graphId: 'g', nodeId: 'e' }, { ...config, credentials: { kind: 'bearer', token: splitting } });
    } catch (error) {
      message = String((error as Error).message);
    }
    expect(message).toMatch(/credentials\.token.*whitespace or a control character/);
    expect(message).not.toContain(API_KEY);
    expect(emulator.stats().requests.total).toBe(0);
  });
});

describe('redactSecrets', () => {
  test('redacts Bedrock API keys (long-term ABSK…, short-term bedrock-api-key-…) and Bearer credentials', () => {
    const text = `key ${API_KEY}; short bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbg%3D%3D; header Authorization: Bearer abc.def`;
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(API_KEY);
    expect(redacted).not.toContain('YmVkcm9jay5hbWF6b25hd3Mu');
    expect(redacted).not.toContain('abc.def');
    expect(redacted).toContain('Bearer [redacted]');
  });
});
