import { BedrockPool, EndpointNotAllowedError, EndpointPolicy, type ClientConfig } from '../src';

/** Counts `new URL(…)` made by any code in this realm (the pool's sources run in it) while `run` runs. */
function countUrlParses(run: () => void): number {
  const Original = globalThis.URL;
  let count = 0;
  globalThis.URL = class CountingURL extends Original {
    constructor(...args: ConstructorParameters<typeof URL>) {
      count += 1;
      super(...args);
    }
  } as typeof URL;
  try {
    run();
  } finally {
    globalThis.URL = Original;
  }
  return count;
}

describe('BedrockPool.acquire applies the endpoint policy before any slot', () => {
  let pool: BedrockPool;
  const events: string[] = [];
  const identity = { graphId: 'flow', nodeId: 'AmazonBedrockConverseModel-x1' };
  const hostCredentials = (endpoint: string): ClientConfig => ({ region: 'us-east-1', endpoint, credentials: { kind: 'default' }, proxy: false });
  const nodeCredentials = (endpoint: string, origin: 'node' | 'host' = 'node'): ClientConfig => ({
    region: 'us-east-1',
    endpoint,
    credentials: { kind: 'static', accessKeyId: 'AKIANODE', secretAccessKey: 'node-secret-value', origin },
    proxy: false,
  });

  beforeEach(() => {
    events.length = 0;
    // The operator trusts one loopback port (the tests' "emulator"); every other host follows the default policy.
    pool = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, endpointPolicy: { allowedHosts: ['127.0.0.1:9'] } });
    for (const name of ['slotCreated', 'leaseCreated', 'leaseMoved', 'leaseReleased', 'slotDraining'] as const) pool.on(name, () => events.push(name));
  });
  afterEach(() => pool.destroy());

  it('a refused endpoint creates no slot, no lease and no event', () => {
    expect(() => pool.acquire(identity, hostCredentials('https://attacker.example'))).toThrow(EndpointNotAllowedError);
    expect(() => pool.acquire(identity, nodeCredentials('http://attacker.example'))).toThrow(EndpointNotAllowedError);
    expect(events).toEqual([]);
    const metrics = pool.metrics();
    expect([metrics.slots.length, metrics.leases, metrics.totals.requests, metrics.totals.connectionsOpened]).toEqual([0, 0, 0, 0]);
    // The pool is unharmed: an allowed endpoint still gets a lease.
    expect(pool.acquire(identity, hostCredentials('https://bedrock-runtime.us-east-1.amazonaws.com')).slotId).toBeDefined();
    expect(events).toEqual(['slotCreated', 'leaseCreated']);
  });

  it('a lease asked to move to a refused endpoint stays where it was', () => {
    const lease = pool.acquire(identity, hostCredentials('http://127.0.0.1:9'));
    expect(() => pool.acquire(identity, hostCredentials('https://attacker.example'))).toThrow(EndpointNotAllowedError);
    expect(pool.acquire(identity, hostCredentials('http://127.0.0.1:9'))).toBe(lease);
    expect(pool.metrics().slots).toHaveLength(1);
  });

  it('the warm path sees a changed credential origin (made in place on the same object) and checks again', () => {
    const config = nodeCredentials('https://gateway.corp.example');
    const lease = pool.acquire(identity, config);
    expect(pool.acquire(identity, config)).toBe(lease);
    (config.credentials as { origin?: string }).origin = 'host';
    expect(() => pool.acquire(identity, config)).toThrow(EndpointNotAllowedError);
    delete (config.credentials as { origin?: string }).origin;
    expect(() => pool.acquire(identity, config)).toThrow(EndpointNotAllowedError);
  });

  it('operator options reach the policy', async () => {
    const open = new BedrockPool({ openTelemetry: false, idleTtlMs: 0, endpointPolicy: { allowedHosts: ['*.corp.example'] } });
    try {
      expect(open.acquire(identity, hostCredentials('https://gateway.corp.example')).slotId).toBeDefined();
      expect(() => open.acquire(identity, hostCredentials('https://attacker.example'))).toThrow(EndpointNotAllowedError);
    } finally {
      await open.destroy();
    }
    expect(() => new BedrockPool({ endpointPolicy: { allowedHosts: ['https://x.example'] } })).toThrow(/endpointPolicy\.allowedHosts\[0\]/);
  });

  it('costs no URL parse on the warm path, and one per distinct endpoint in the policy', () => {
    const config = hostCredentials('https://bedrock-runtime.us-east-1.amazonaws.com');
    pool.acquire(identity, config);
    expect(countUrlParses(() => {
      for (let i = 0; i < 1_000; i += 1) pool.acquire(identity, config);
    })).toBe(0);
    const policy = new EndpointPolicy();
    expect(countUrlParses(() => policy.check(config.endpoint, { kind: 'default' }))).toBe(1);
    expect(countUrlParses(() => {
      for (let i = 0; i < 1_000; i += 1) policy.check(config.endpoint, { kind: 'default' });
    })).toBe(0);
    // Refusals are memoised too (a flow retried in a loop does not parse again), each with its own error.
    const errors = new Set<unknown>();
    expect(countUrlParses(() => {
      for (let i = 0; i < 3; i += 1) {
        try {
          policy.check('https://attacker.example', { kind: 'default' });
        } catch (error) {
          errors.add(error);
        }
      }
    })).toBe(1);
    expect(errors.size).toBe(3);
  });
});

describe('getDefaultPool() takes the endpoint policy from the environment', () => {
  const saved = process.env.BEDROCK_FLOW_ALLOWED_ENDPOINTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.BEDROCK_FLOW_ALLOWED_ENDPOINTS;
    else process.env.BEDROCK_FLOW_ALLOWED_ENDPOINTS = saved;
  });

  it('BEDROCK_FLOW_ALLOWED_ENDPOINTS trusts a gateway; other hosts stay refused', async () => {
    process.env.BEDROCK_FLOW_ALLOWED_ENDPOINTS = 'bedrock-gateway.corp.example:8443';
    const { getDefaultPool } = await import('../src');
    const pool = getDefaultPool();
    try {
      const config = (endpoint: string): ClientConfig => ({ region: 'us-east-1', endpoint, proxy: false });
      expect(pool.acquire({ graphId: 'g', nodeId: 'gateway' }, config('https://bedrock-gateway.corp.example:8443')).slotId).toBeDefined();
      expect(() => pool.acquire({ graphId: 'g', nodeId: 'other' }, config('https://bedrock-gateway.corp.example'))).toThrow(EndpointNotAllowedError);
    } finally {
      await pool.destroy();
    }
  });
});
