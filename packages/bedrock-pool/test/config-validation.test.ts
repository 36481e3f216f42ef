import { BedrockPool, ConfigValidationError, normalizeConfig, resolveProxy, type ClientConfig } from '../src';

describe('config validation (before any network call)', () => {
  const base: ClientConfig = { region: 'us-east-1', endpoint: 'https://127.0.0.1:9' };
  const cases: Array<[string, unknown, string]> = [
    ['missing region', { ...base, region: undefined }, 'region'],
    ['bad region', { ...base, region: 'US EAST' }, 'region'],
    ['bad endpoint', { ...base, endpoint: 'ftp://x' }, 'endpoint'],
    ['bad transport', { ...base, transport: 'http3' }, 'transport'],
    ['unknown credential kind', { ...base, credentials: { kind: 'magic' } }, 'credentials.kind'],
    ['empty access key id', { ...base, credentials: { kind: 'static', accessKeyId: '', secretAccessKey: 'x' } }, 'credentials.accessKeyId'],
    ['empty secret', { ...base, credentials: { kind: 'static', accessKeyId: 'AKIA', secretAccessKey: '' } }, 'credentials.secretAccessKey'],
    ['empty profile', { ...base, credentials: { kind: 'profile', profile: ' ' } }, 'credentials.profile'],
    ['zero sockets', { ...base, http: { maxSockets: 0 } }, 'http.maxSockets'],
    ['fractional timeout', { ...base, http: { connectTimeoutMs: 1.5 } }, 'http.connectTimeoutMs'],
    ['bad retry mode', { ...base, retry: { mode: 'eager' } }, 'retry.mode'],
    ['zero attempts', { ...base, retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    ['negative request timeout', { ...base, http: { requestTimeoutMs: -1 } }, 'http.requestTimeoutMs'],
    ['NaN generation timeout', { ...base, http: { generationTimeoutMs: Number.NaN } }, 'http.generationTimeoutMs'],
    ['stream silence above 60 min', { ...base, http: { streamSilenceTimeoutMs: 3_600_001 } }, 'http.streamSilenceTimeoutMs'],
    ['string embedding timeout', { ...base, http: { embeddingTimeoutMs: '30' } }, 'http.embeddingTimeoutMs'],
    ['zero other timeout', { ...base, http: { otherTimeoutMs: 0 } }, 'http.otherTimeoutMs'],
    ['zero idle socket timeout', { ...base, http: { idleSocketTimeoutMs: 0 } }, 'http.idleSocketTimeoutMs'],
    ['non-boolean afterWrite', { ...base, retry: { afterWrite: 'yes' } }, 'retry.afterWrite'],
    ['bad proxy', { ...base, proxy: 'socks5://x' }, 'proxy'],
    ['bad ca', { ...base, tls: { ca: 42 } }, 'tls.ca'],
  ];

  test.each(cases)('%s -> ConfigValidationError on %s', (_name, config, field) => {
    const error = (() => {
      try {
        normalizeConfig(config as ClientConfig);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).code).toBe('ERR_BEDROCK_POOL_INVALID_CONFIG');
    expect((error as ConfigValidationError).field).toBe(field);
    expect((error as ConfigValidationError).allowed.length).toBeGreaterThan(0);
  });

  test('acquire validates the identity and the config synchronously', async () => {
    const pool = new BedrockPool({ openTelemetry: false });
    try {
      expect(() => pool.acquire({ graphId: '', nodeId: 'n' }, base)).toThrow(/identity.graphId/);
      expect(() => pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...base, retry: { maxAttempts: -1 } })).toThrow(ConfigValidationError);
      expect(pool.metrics().slots).toHaveLength(0);
    } finally {
      await pool.destroy();
    }
  });

  test('defaults: http1, 50 sockets, 10 s connect, waits by operation (15 min generation, 30 s stream silence, 30 s embedding, 60 s other), adaptive retry with 3 attempts and none after a write; options.defaults merge under', () => {
    const normalized = normalizeConfig({ region: 'us-east-1' }, { tls: { rejectUnauthorized: false }, http: { maxSockets: 8 } }, {});
    expect(normalized.transport).toBe('http1');
    expect(normalized.http).toEqual({
      maxSockets: 8,
      connectTimeoutMs: 10_000,
      requestTimeoutMs: undefined,
      generationTimeoutMs: 900_000,
      streamSilenceTimeoutMs: 30_000,
      embeddingTimeoutMs: 30_000,
      otherTimeoutMs: 60_000,
      keepAliveMsecs: 1_000,
      idleSocketTimeoutMs: 180_000,
    });
    expect(normalized.retry).toEqual({ mode: 'adaptive', maxAttempts: 3, afterWrite: false });
    expect(normalized.tls.rejectUnauthorized).toBe(false);
    expect(normalized.credentials).toEqual({ kind: 'default' });
    expect(normalized.target).toEqual({ protocol: 'https:', hostname: 'bedrock-runtime.us-east-1.amazonaws.com', port: 443 });
    expect(normalizeConfig({ region: 'cn-north-1' }, {}, {}).target.hostname).toBe('bedrock-runtime.cn-north-1.amazonaws.com.cn');
  });

  test('proxy: explicit option, HTTPS_PROXY / https_proxy, NO_PROXY matching, false', () => {
    const env = { HTTPS_PROXY: 'http://upper:3128', NO_PROXY: 'localhost,.internal.example, 10.0.0.1:8443' };
    expect(resolveProxy(undefined, 'bedrock-runtime.us-east-1.amazonaws.com', 443, env)).toBe('http://upper:3128');
    expect(resolveProxy(undefined, 'x', 443, { ...env, https_proxy: 'http://lower:3128' })).toBe('http://lower:3128');
    expect(resolveProxy(undefined, 'localhost', 443, env)).toBeUndefined();
    expect(resolveProxy(undefined, 'api.internal.example', 443, env)).toBeUndefined();
    expect(resolveProxy(undefined, 'internal.example', 443, env)).toBeUndefined();
    expect(resolveProxy(undefined, 'notinternal.example', 443, env)).toBe('http://upper:3128');
    expect(resolveProxy(undefined, '10.0.0.1', 8443, env)).toBeUndefined();
    expect(resolveProxy(undefined, '10.0.0.1', 443, env)).toBe('http://upper:3128');
    expect(resolveProxy(undefined, 'anything', 443, { ...env, NO_PROXY: '*' })).toBeUndefined();
    expect(resolveProxy(false, 'x', 443, env)).toBeUndefined();
    expect(resolveProxy('http://explicit:1', 'localhost', 443, env)).toBe('http://explicit:1');
    expect(resolveProxy(undefined, 'x', 443, {})).toBeUndefined();
  });
});
