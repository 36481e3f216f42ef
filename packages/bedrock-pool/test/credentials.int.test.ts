import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { CredentialResolutionError, type BedrockPool, type ClientConfig } from '../src';
import { writeCountingProfiles, type CountingProfiles } from './support/credential-process';
import { converse, startPoolAndEmulator } from './support/pool-fixture';

describe('credentials', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;
  let profiles: CountingProfiles;

  beforeEach(async () => {
    ({ emulator, pool, config } = await startPoolAndEmulator());
    profiles = writeCountingProfiles(TEST_CREDENTIALS, { counted: 3_600_000, short: 5_000 });
  });
  afterEach(async () => {
    await pool.close();
    await emulator.close();
    profiles.remove();
  });

  test('credential_process profile: 100 rebuilds -> 1 invocation', async () => {
    const source = { kind: 'profile', profile: 'counted', nameOrigin: 'node', configFile: profiles.configFile, credentialsFile: profiles.credentialsFile } as const;
    for (let build = 0; build < 100; build += 1) {
      pool.graphBuildStarted({ graphId: 'g', nodeIds: ['n'] });
      const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, credentials: { ...source } });
      pool.graphBuildFinished({ graphId: 'g', nodeIds: ['n'] });
      await converse(lease.client);
    }
    expect(profiles.invocations()).toBe(1);
    expect(emulator.stats().requests.byOperation.Converse).toBe(100);
    expect(emulator.stats().auth.failures).toBe(0);
    const metrics = pool.metrics();
    expect(metrics.totals.credentialResolutions).toBe(1);
    expect(metrics.credentials).toEqual([expect.objectContaining({ source: 'profile "counted"', resolutions: 1 })]);
  });

  test('short-lived credentials are refreshed in the background; no request waits on a resolution', async () => {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, {
      ...config,
      credentials: { kind: 'profile', profile: 'short', configFile: profiles.configFile, credentialsFile: profiles.credentialsFile },
    });
    await pool.warm(lease);
    expect(profiles.invocations()).toBe(1);
    // Keep calling until a background refresh has completed (5 s credentials refresh at half-life, 2.5 s).
    let calls = 0;
    while (pool.metrics().totals.credentialResolutions < 2 && calls < 2_000) {
      await converse(lease.client);
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const totals = pool.metrics().totals;
    expect(profiles.invocations()).toBeGreaterThanOrEqual(2);
    expect(totals.credentialRefreshes).toBeGreaterThanOrEqual(1);
    expect(calls).toBeGreaterThan(1);
    expect(totals.credentialResolutions).toBe(profiles.invocations());
    expect(totals.credentialResolutionsOnRequestPath).toBe(0);
    expect(emulator.stats().auth.failures).toBe(0);
    expect(emulator.stats().requests.errors).toBe(0);
  }, 30_000);

  test('one shared provider per source: two slots with the same profile resolve once', async () => {
    const source = { kind: 'profile', profile: 'counted', configFile: profiles.configFile, credentialsFile: profiles.credentialsFile } as const;
    const a = pool.acquire({ graphId: 'g', nodeId: 'a' }, { ...config, credentials: source });
    const b = pool.acquire({ graphId: 'g', nodeId: 'b' }, { ...config, credentials: source, retry: { maxAttempts: 2 } });
    expect(a.client).not.toBe(b.client);
    await Promise.all([converse(a.client), converse(b.client)]);
    expect(profiles.invocations()).toBe(1);
    expect(pool.metrics().credentials).toEqual([expect.objectContaining({ slots: 2, resolutions: 1 })]);
  });

  test('a failed resolution is a CredentialResolutionError naming the source (a profile name typed into the node)', async () => {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, {
      ...config,
      credentials: { kind: 'profile', profile: 'missing-profile', nameOrigin: 'node', configFile: profiles.configFile, credentialsFile: profiles.credentialsFile },
    });
    const failure = await pool.warm(lease).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CredentialResolutionError);
    expect((failure as CredentialResolutionError).code).toBe('ERR_BEDROCK_POOL_CREDENTIALS');
    expect((failure as CredentialResolutionError).source).toBe('profile "missing-profile"');
    expect((failure as Error).message).toContain('missing-profile');
    await expect(converse(lease.client)).rejects.toThrow(/profile "missing-profile"/);
    expect(emulator.stats().requests.total).toBe(0);
    expect(pool.metrics().totals.credentialFailures).toBe(2);
  });

  test('a profile name from a host variable never appears in the error, its cause, the metrics or the logs', async () => {
    const warnings: string[] = [];
    await pool.close();
    ({ emulator: emulator, pool, config } = await startPoolAndEmulator({ logger: { warn: (message: string) => warnings.push(message) } }));
    const name = 'HostVariableValueUsedAsProfileName-7f3a';
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, {
      ...config,
      credentials: { kind: 'profile', profile: name, configFile: profiles.configFile, credentialsFile: profiles.credentialsFile },
    });
    const failure = (await pool.warm(lease).catch((error: unknown) => error)) as CredentialResolutionError;
    expect(failure).toBeInstanceOf(CredentialResolutionError);
    expect(failure.source).toBe('a profile named by a host variable (name not shown)');
    const seen = [failure.message, failure.stack, String((failure.cause as Error | undefined)?.message), JSON.stringify(pool.metrics()), warnings.join('\n')];
    for (const text of seen) expect(text).not.toContain(name);
    expect(pool.metrics().credentials).toEqual([expect.objectContaining({ source: 'a profile named by a host variable (name not shown)', failures: 1 })]);
  });
});
