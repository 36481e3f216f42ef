import { inspect } from 'node:util';
import { BedrockPool, type ClientConfig } from '../src';

/** The warm acquire skips normalize + fingerprint for an unchanged config; any change must still be seen. */
describe('acquire of an unchanged config (memo)', () => {
  let pool: BedrockPool;
  const identity = { graphId: 'g', nodeId: 'n' };
  const base = (): ClientConfig => ({
    region: 'us-east-1',
    endpoint: 'https://127.0.0.1:9',
    credentials: { kind: 'static', accessKeyId: 'AKIDMEMO', secretAccessKey: 'memo-secret-value-1' },
    proxy: false,
  });

  beforeEach(() => {
    // The operator allows the (never contacted) loopback endpoints for the host credentials these configs carry.
    pool = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, endpointPolicy: { allowedHosts: ['127.0.0.1:9', '127.0.0.1:10', 'gateway.corp.example'] } });
  });
  afterEach(() => pool.destroy());

  test('a fresh but equal config object returns the same lease', () => {
    const first = pool.acquire(identity, base());
    expect(pool.acquire(identity, base())).toBe(first);
    expect(pool.acquire(identity, { ...base(), http: {}, retry: {} })).toBe(first);
    expect(pool.metrics().slots).toHaveLength(1);
  });

  test('every field change, also made in place on the same object, moves the lease', () => {
    const config = base();
    const leases = [pool.acquire(identity, config)];
    const changes: Array<(c: ClientConfig) => void> = [
      (c) => ((c.credentials as { secretAccessKey: string }).secretAccessKey = 'memo-secret-value-2'),
      (c) => ((c.credentials as { sessionToken?: string }).sessionToken = 'memo-token'),
      (c) => (c.region = 'eu-west-1'),
      (c) => (c.endpoint = 'https://127.0.0.1:10'),
      (c) => (c.transport = 'http2'),
      (c) => (c.http = { maxSockets: 3 }),
      (c) => (c.http!.maxSockets = 4),
      (c) => (c.retry = { mode: 'standard' }),
      (c) => (c.tls = { rejectUnauthorized: false }),
    ];
    for (const change of changes) {
      change(config);
      const lease = pool.acquire(identity, config);
      expect(leases).not.toContain(lease);
      expect(leases.map((l) => l.fingerprint)).not.toContain(lease.fingerprint);
      leases.push(lease);
    }
  });

  test('a CA Buffer changed in place is seen', () => {
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const config: ClientConfig = { ...base(), tls: { ca } };
    const first = pool.acquire(identity, config);
    expect(pool.acquire(identity, config)).toBe(first);
    ca.write('BBBB', 28);
    expect(pool.acquire(identity, config).fingerprint).not.toBe(first.fingerprint);
  });

  test('the proxy environment is re-read when the config leaves the proxy to it', () => {
    const saved = { https_proxy: process.env.https_proxy, HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy };
    try {
      delete process.env.https_proxy;
      delete process.env.HTTPS_PROXY;
      delete process.env.no_proxy;
      delete process.env.NO_PROXY;
      // A non-loopback endpoint: loopback never takes a proxy from the environment (checked below).
      const config: ClientConfig = { ...base(), endpoint: 'https://gateway.corp.example', proxy: undefined };
      const direct = pool.acquire(identity, config);
      const loopback: ClientConfig = { ...base(), proxy: undefined };
      const loopbackDirect = pool.acquire({ ...identity, nodeId: 'loopback' }, loopback).fingerprint;
      process.env.HTTPS_PROXY = 'http://proxy.invalid:3128';
      const proxied = pool.acquire(identity, config);
      expect(proxied.fingerprint).not.toBe(direct.fingerprint);
      expect(pool.acquire({ ...identity, nodeId: 'loopback' }, loopback).fingerprint).toBe(loopbackDirect);
      process.env.NO_PROXY = 'gateway.corp.example';
      expect(pool.acquire(identity, config).fingerprint).toBe(direct.fingerprint);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  test('bad input still throws on the warm path, and no secret shows in leases or the pool', () => {
    const lease = pool.acquire(identity, base());
    expect(() => pool.acquire(identity, { ...base(), region: 'not a region' })).toThrow(/region/);
    expect(() => pool.acquire(identity, null as unknown as ClientConfig)).toThrow(/config/);
    const shown = [JSON.stringify(lease), inspect(lease), JSON.stringify(pool.metrics()), inspect(pool)].join('\n');
    expect(shown).not.toContain('memo-secret-value-1');
  });
});
