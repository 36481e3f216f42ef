import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { BedrockPool, EndpointNotAllowedError, type BedrockPoolOptions, type ClientConfig } from '@bedrock-flow/bedrock-pool';
import { DiscoveryCache, listModels } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { startAttacker, type AttackerListener } from './support/attacker-listener';
import { withHostEnvironment } from './support/host-environment';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-guard';
import { generateTestCertificate, type TestCertificate } from './support/test-certificate';

/**
 * Issue 25, model discovery (`listModels`) attacked by a flow author on a shared host and by a careless user: the
 * host's credentials never reach an endpoint the policy does not allow (through endpoint_url tricks, the operator's
 * AWS_ENDPOINT_URL_* variables or a config file's endpoint_url), two credential scopes never share a cached catalog,
 * and no secret reaches a result, an error, `util.inspect` or a cache key. Every connect is held on loopback by the guard.
 */

const HOST_KEYS = { AWS_ACCESS_KEY_ID: 'AKIADISCOVERYHOSTENV1', AWS_SECRET_ACCESS_KEY: 'discoveryHostEnvironmentSecret/000000001' };
const WRONG_SECRET = 'discoveryWrongSecretForTheSameKeyId/0001';
const API_KEY = 'ABSKZGlzY292ZXJ5LWF0dGFjay1hcGkta2V5LTAwMQ';

let guard: LoopbackGuard;
let certificate: TestCertificate;
let attacker: AttackerListener;
let emu: RunningEmulator;

beforeAll(async () => {
  guard = installLoopbackGuard([]);
  certificate = await generateTestCertificate(['localhost']);
  attacker = await startAttacker(certificate);
  emu = await startEmulator({ tls: true, credentials: [TEST_CREDENTIALS], bearerTokens: [API_KEY] });
});

afterAll(async () => {
  await emu?.close();
  await attacker?.close();
  guard?.uninstall();
});

function pool(extra: Partial<BedrockPoolOptions> = {}): BedrockPool {
  return new BedrockPool({ openTelemetry: false, idleTtlMs: 0, releaseGraceMs: 0, defaults: { tls: { ca: [certificate.cert, emu.ca!] }, proxy: false, retry: { maxAttempts: 1 } }, ...extra });
}

interface Outcome {
  error: Error | undefined;
  /** Requests the attacker received, and those carrying the host's key id. */
  requests: number;
  hostKeyRequests: number;
  /** The last host the guard saw a connect to. */
  lastHost: string | undefined;
}

/** One listing with `config` under the host environment (host keys + `env`), counted at the attacker. */
async function discover(config: Partial<ClientConfig>, env: Record<string, string> = {}, poolOptions: Partial<BedrockPoolOptions> = {}): Promise<Outcome> {
  const p = pool(poolOptions);
  const before = { requests: attacker.requests.length, host: attacker.carrying([HOST_KEYS.AWS_ACCESS_KEY_ID]), connects: guard.attempts.length };
  let error: Error | undefined;
  try {
    await withHostEnvironment({ ...HOST_KEYS, AWS_REGION: 'us-east-1', ...env }, () => listModels({ region: 'us-east-1', ...config, pool: p, ttlMs: 0 }));
  } catch (caught) {
    error = caught as Error;
  } finally {
    await p.destroy();
  }
  const attempts = guard.attempts.slice(before.connects);
  return { error, requests: attacker.requests.length - before.requests, hostKeyRequests: attacker.carrying([HOST_KEYS.AWS_ACCESS_KEY_ID]) - before.host, lastHost: attempts.at(-1)?.host };
}

describe('discovery never carries the host\'s credentials to an endpoint the policy does not allow', () => {
  it.each([
    ['loopback', (port: number) => `https://127.0.0.1:${port}`],
    ['localhost with a trailing dot', (port: number) => `https://localhost.:${port}`],
    ['an AWS name in the userinfo', (port: number) => `https://bedrock.us-east-1.amazonaws.com@127.0.0.1:${port}`],
    ['a runtime host name as a look-alike prefix', (port: number) => `https://bedrock-runtime.us-east-1.amazonaws.com.127.0.0.1.nip.io:${port}`],
    ['an IPv4-mapped IPv6 loopback', (port: number) => `https://[::ffff:127.0.0.1]:${port}`],
  ])('endpoint_url %s with the default chain: EndpointNotAllowedError, 0 requests', async (_label, url) => {
    const outcome = await discover({ endpoint: url(attacker.httpsPort), credentials: { kind: 'default' } });
    expect(outcome.error).toBeInstanceOf(EndpointNotAllowedError);
    expect([outcome.requests, outcome.hostKeyRequests]).toEqual([0, 0]);
  });

  it.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_BEDROCK'])('%s set by the operator for another tool: discovery still asks AWS (0 requests to the URL it names)', async (variable) => {
    const outcome = await discover({ credentials: { kind: 'default' } }, { [variable]: `https://127.0.0.1:${attacker.httpsPort}` });
    // The guard refuses the real AWS name (no route in a test): the listing fails, and the attacker got nothing.
    expect(outcome.error).toBeDefined();
    expect([outcome.requests, outcome.hostKeyRequests]).toEqual([0, 0]);
    expect(outcome.lastHost).toBe('bedrock.us-east-1.amazonaws.com');
  });

  it.each([
    ['the default profile\'s endpoint_url', (port: number) => `[default]\nregion = us-east-1\nendpoint_url = https://127.0.0.1:${port}\n`],
    ['a services section for bedrock', (port: number) => `[default]\nregion = us-east-1\nservices = team\n[services team]\nbedrock =\n  endpoint_url = https://127.0.0.1:${port}\n`],
  ])('%s in the host\'s AWS config file: discovery still asks AWS (0 requests)', async (_label, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-discovery-attack-'));
    try {
      writeFileSync(join(dir, 'config'), text(attacker.httpsPort));
      const outcome = await discover({ credentials: { kind: 'default' } }, { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') });
      expect(outcome.error).toBeDefined();
      expect([outcome.requests, outcome.hostKeyRequests]).toEqual([0, 0]);
      expect(outcome.lastHost).toBe('bedrock.us-east-1.amazonaws.com');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a Bedrock API key from the host (AWS_BEARER_TOKEN_BEDROCK) never reaches a loopback endpoint the operator did not allow', async () => {
    const outcome = await discover({ endpoint: `https://127.0.0.1:${attacker.httpsPort}`, credentials: { kind: 'bearer', token: API_KEY, origin: 'host' } });
    expect(outcome.error).toBeInstanceOf(EndpointNotAllowedError);
    expect(outcome.requests).toBe(0);
    expect(attacker.carrying([API_KEY])).toBe(0);
  });
});

describe('two credential scopes never share a discovery cache entry', () => {
  const typed = (secretAccessKey = TEST_CREDENTIALS.secretAccessKey): ClientConfig => ({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { kind: 'static', accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey, origin: 'node' },
  });

  it('the same key id with a wrong secret is asked (and refused by Bedrock), never served the cached catalog', async () => {
    const p = pool();
    const cache = new DiscoveryCache();
    try {
      await listModels({ ...typed(), pool: p, cache });
      const error = await listModels({ ...typed(WRONG_SECRET), pool: p, cache }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(cache.listings).toBe(2);
      // Neither the secret nor the key id is in a key, the error, or its inspection.
      const text = [cache.keys().join(' '), inspect(error, { depth: 8, showHidden: true }), JSON.stringify(error)].join('\n');
      expect(text).not.toContain(WRONG_SECRET);
      expect(text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
      expect(cache.keys().join(' ')).not.toContain(TEST_CREDENTIALS.accessKeyId);
    } finally {
      await p.destroy();
    }
  });

  it('the same key pair typed into the node and read from a host variable are two scopes (a bearer key a third)', async () => {
    const p = pool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] } });
    const cache = new DiscoveryCache();
    try {
      await listModels({ ...typed(), pool: p, cache });
      await listModels({ ...typed(), credentials: { kind: 'static', ...TEST_CREDENTIALS, origin: 'host' }, pool: p, cache });
      await listModels({ ...typed(), credentials: { kind: 'bearer', token: API_KEY, origin: 'node' }, pool: p, cache });
      expect(cache.listings).toBe(3);
      expect(new Set(cache.keys()).size).toBe(3);
      expect(cache.keys().join(' ')).not.toContain(API_KEY.slice(4, 20));
    } finally {
      await p.destroy();
    }
  });

  it('one profile name read from two credentials files is two scopes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-discovery-profiles-'));
    const p = pool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] } });
    const cache = new DiscoveryCache();
    try {
      writeFileSync(join(dir, 'a'), `[team]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`);
      writeFileSync(join(dir, 'b'), `[team]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${WRONG_SECRET}\n`);
      writeFileSync(join(dir, 'config'), '');
      const profile = (file: string): ClientConfig => ({ region: 'us-east-1', endpoint: emu.url, credentials: { kind: 'profile', profile: 'team', credentialsFile: join(dir, file), configFile: join(dir, 'config'), nameOrigin: 'node' } });
      await withHostEnvironment({}, async () => {
        await listModels({ ...profile('a'), pool: p, cache });
        const second = await listModels({ ...profile('b'), pool: p, cache }).catch((caught: unknown) => caught);
        expect(second).toBeInstanceOf(Error);
      });
      expect(cache.listings).toBe(2);
    } finally {
      await p.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['an upper-case region', { region: 'US-EAST-1' }],
    ['a region with a trailing dot', { region: 'us-east-1.' }],
    ['a region with a host name after it', { region: 'us-east-1.127.0.0.1.nip.io#' }],
  ])('%s is refused before any listing (never a second key for the same scope)', async (_label, extra) => {
    const p = pool();
    const cache = new DiscoveryCache();
    try {
      const error = await listModels({ ...typed(), ...extra, pool: p, cache }).catch((caught: unknown) => caught);
      expect((error as Error).message).toMatch(/region/);
      expect(cache.listings).toBe(0);
    } finally {
      await p.destroy();
    }
  });
});

describe('a flood of asks never bypasses the discovery cache', () => {
  const wrong = (): ClientConfig => ({ region: 'us-east-1', endpoint: emu.url, credentials: { kind: 'static', accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: WRONG_SECRET, origin: 'node' } });

  it('a listing Bedrock refuses is answered from the cache: 20 asks (10 at once, 10 one after another) = 1 listing (2 requests at most)', async () => {
    const p = pool();
    const cache = new DiscoveryCache();
    emu.resetStats();
    try {
      const errors = await Promise.all(Array.from({ length: 10 }, () => listModels({ ...wrong(), pool: p, cache }).catch((caught: unknown) => caught)));
      for (let i = 0; i < 10; i += 1) errors.push(await listModels({ ...wrong(), pool: p, cache }).catch((caught: unknown) => caught));
      expect(errors.every((error) => error instanceof Error)).toBe(true);
      expect(cache.listings).toBe(1);
      // One listing: its two list requests at most (the second may still be in flight when the first's refusal answers).
      expect(emu.stats().requests.total).toBeGreaterThanOrEqual(1);
      expect(emu.stats().requests.total).toBeLessThanOrEqual(2);
    } finally {
      await p.destroy();
    }
  });

  it('credentials that cannot be resolved (a profile whose credential_process fails) are tried once for 20 asks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-discovery-process-'));
    const p = pool({ endpointPolicy: { allowedHosts: [new URL(emu.url).host] } });
    const cache = new DiscoveryCache();
    try {
      const counter = join(dir, 'runs');
      writeFileSync(join(dir, 'fail.cjs'), "const fs = require('node:fs'); const f = process.argv[2]; let n = 0; try { n = Number(fs.readFileSync(f, 'utf8')) || 0; } catch {} fs.writeFileSync(f, String(n + 1)); process.exit(1);\n");
      writeFileSync(join(dir, 'config'), `[profile failing]\ncredential_process = "${process.execPath}" "${join(dir, 'fail.cjs')}" "${counter}"\n`);
      const config: ClientConfig = { region: 'us-east-1', endpoint: emu.url, credentials: { kind: 'profile', profile: 'failing', configFile: join(dir, 'config'), credentialsFile: join(dir, 'none'), nameOrigin: 'node' } };
      const errors: unknown[] = await Promise.all(Array.from({ length: 10 }, () => listModels({ ...config, pool: p, cache }).catch((caught: unknown) => caught)));
      for (let i = 0; i < 10; i += 1) errors.push(await listModels({ ...config, pool: p, cache }).catch((caught: unknown) => caught));
      expect(errors.every((error) => (error as { code?: string }).code === 'ERR_BEDROCK_POOL_CREDENTIALS')).toBe(true);
      expect(cache.listings).toBe(1);
      expect(Number(readFileSync(counter, 'utf8'))).toBe(1);
    } finally {
      await p.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('failureTtlMs 0 (or ttlMs 0) asks again, as the asker chose', async () => {
    const p = pool();
    const cache = new DiscoveryCache({ failureTtlMs: 0 });
    try {
      for (let i = 0; i < 3; i += 1) await listModels({ ...wrong(), pool: p, cache }).catch(() => undefined);
      expect(cache.listings).toBe(3);
      const other = new DiscoveryCache();
      for (let i = 0; i < 3; i += 1) await listModels({ ...wrong(), pool: p, cache: other, ttlMs: 0 }).catch(() => undefined);
      expect(other.listings).toBe(3);
    } finally {
      await p.destroy();
    }
  });

  it('a flow author varying the endpoint spelling on every ask grows the cache to maxEntries at most (the oldest forgotten)', async () => {
    const p = pool();
    const cache = new DiscoveryCache({ maxEntries: 3 });
    try {
      const ok = (path: string): ClientConfig => ({ region: 'us-east-1', endpoint: `${emu.url}${path}`, credentials: { kind: 'static', ...TEST_CREDENTIALS, origin: 'node' } });
      for (const path of ['', '/', '/a', '/b', '/c']) await listModels({ ...ok(path), pool: p, cache }).catch(() => undefined);
      expect(cache.listings).toBe(5);
      expect(cache.keys()).toHaveLength(3);
      expect(cache.keys().map((key) => JSON.parse(key)[2])).toEqual([`${emu.url}/a`, `${emu.url}/b`, `${emu.url}/c`]);
      expect(() => new DiscoveryCache({ maxEntries: 0 })).toThrow(/maxEntries/);
      expect(new DiscoveryCache().keys()).toEqual([]);
    } finally {
      await p.destroy();
    }
  });

  it('the default cache holds at most 1,000 keys', () => {
    const cache = new DiscoveryCache();
    const never = () => new Promise<never>(() => undefined);
    for (let i = 0; i < 1_005; i += 1) void cache.get(`key-${i}`, 60_000, never);
    expect(cache.keys()).toHaveLength(1_000);
    expect(cache.keys()[0]).toBe('key-5');
  });

  it('a bad failureTtlMs is refused, naming it', () => {
    expect(() => new DiscoveryCache({ failureTtlMs: -1 })).toThrow(/failureTtlMs/);
    expect(() => new DiscoveryCache({ failureTtlMs: Number.NaN })).toThrow(/failureTtlMs/);
  });
});
