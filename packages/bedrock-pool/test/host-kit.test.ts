import { BedrockPool, ConfigValidationError, hostNodeIdentity, hostPoolOptions, ProcessPool } from '../src';

describe('hostPoolOptions: a host process pool from its settings and the environment', () => {
  it('takes the endpoint policy from the host settings, else the configured options, else the BEDROCK_FLOW_* environment', () => {
    const policy = { allowedHosts: ['gw.corp.example'] };
    expect(hostPoolOptions({ configured: { releaseGraceMs: 0 }, endpointPolicy: policy, env: {} })).toEqual({ releaseGraceMs: 0, endpointPolicy: policy });
    expect(hostPoolOptions({ configured: { endpointPolicy: policy }, env: { BEDROCK_FLOW_ALLOW_ANY_ENDPOINT: 'true' } }).endpointPolicy).toBe(policy);
    expect(hostPoolOptions({ env: { BEDROCK_FLOW_ALLOWED_ENDPOINTS: 'a.corp.example' } }).endpointPolicy).toEqual({ allowedHosts: ['a.corp.example'] });
    expect(hostPoolOptions({ env: {} })).toEqual({ endpointPolicy: {} });
  });

  it('reads the idle TTL from the named variable unless configured, and refuses anything but whole ms >= 0', () => {
    expect(hostPoolOptions({ env: { TTL: '60000' }, idleTtlEnv: 'TTL' }).idleTtlMs).toBe(60_000);
    expect(hostPoolOptions({ env: { TTL: '0' }, idleTtlEnv: 'TTL' }).idleTtlMs).toBe(0);
    expect(hostPoolOptions({ env: { TTL: ' ' }, idleTtlEnv: 'TTL' })).not.toHaveProperty('idleTtlMs');
    expect(hostPoolOptions({ configured: { idleTtlMs: 5 }, env: { TTL: '60000' }, idleTtlEnv: 'TTL' }).idleTtlMs).toBe(5);
    for (const bad of ['1.5', '-1', 'soon']) {
      const error = (() => {
        try {
          hostPoolOptions({ env: { TTL: bad }, idleTtlEnv: 'TTL' });
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect(error).toMatchObject({ code: 'ERR_BEDROCK_POOL_INVALID_CONFIG', field: 'TTL' });
    }
  });
});

describe('ProcessPool: one pool per host process and the host lifecycle on it', () => {
  it('creates the pool on first get() from the options asked then, keeps it, and makes a fresh one after close()', async () => {
    let created = 0;
    const host = new ProcessPool(() => {
      created += 1;
      return { openTelemetry: false };
    }, { closeOnExit: false });
    expect(host.current()).toBeUndefined();
    const pool = host.get();
    expect(pool).toBeInstanceOf(BedrockPool);
    expect(host.get()).toBe(pool);
    expect(created).toBe(1);
    await host.close();
    await host.close();
    expect(pool.closed).toBe(true);
    expect(host.current()).toBeUndefined();
    const next = host.get();
    expect(next).not.toBe(pool);
    expect(created).toBe(2);
    await host.close();
  });

  it('releases the lease a node held under another graph when it is built under a new one, and a removed node at once', async () => {
    const host = new ProcessPool(() => ({ openTelemetry: false, releaseGraceMs: 0 }), { closeOnExit: false });
    const pool = host.get();
    const config = { region: 'us-east-1', credentials: { kind: 'profile', profile: 'dev', nameOrigin: 'node' } } as const;
    try {
      const first = { graphId: 'tab-1', nodeId: 'n1' };
      pool.acquire(first, config);
      host.nodeBuilt(first);
      expect(pool.metrics().leases).toBe(1);
      const moved = { graphId: 'tab-2', nodeId: 'n1' };
      pool.acquire(moved, config);
      host.nodeBuilt(moved);
      expect(pool.metrics().leases).toBe(1);
      host.nodeClosed(moved, false);
      expect(pool.metrics().leases).toBe(1);
      host.nodeClosed(moved, true);
      expect(pool.metrics().leases).toBe(0);
    } finally {
      await host.close();
    }
  });

  it('hooks beforeExit once per ProcessPool, however many pools it creates', async () => {
    const before = process.listenerCount('beforeExit');
    const host = new ProcessPool(() => ({ openTelemetry: false }));
    host.get();
    await host.close();
    host.get();
    expect(process.listenerCount('beforeExit')).toBe(before + 1);
    await host.close();
  });
});

describe('hostNodeIdentity', () => {
  it('is graph id + node id, with the fallback graph for a node outside any graph', () => {
    expect(hostNodeIdentity('wf-1', 'node-a', 'unsaved')).toEqual({ graphId: 'wf-1', nodeId: 'node-a' });
    expect(hostNodeIdentity(42, 'node-a', 'unsaved')).toEqual({ graphId: '42', nodeId: 'node-a' });
    for (const none of [undefined, null, '']) expect(hostNodeIdentity(none, 'node-a', 'unsaved')).toEqual({ graphId: 'unsaved', nodeId: 'node-a' });
  });
});
