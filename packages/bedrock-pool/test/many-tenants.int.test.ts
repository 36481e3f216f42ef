/**
 * Issue 26: many tenants, one warm connection. Slots of different credentials to the same endpoint share its
 * transport (sockets), never a client, a provider or a cache entry; the socket limit is per endpoint; a tenant's
 * burst leaves room for another tenant's call.
 */
import { metrics as otelMetrics } from '@opentelemetry/api';
import { startEmulator, type EmulatorCredentials, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockPool, type BedrockPoolOptions, type ClientConfig, type ClientLease } from '../src';
import { converse, waitFor } from './support/pool-fixture';
import { tenantKeys } from './support/tenant-keys';

const TENANTS = 200;
const ROUNDS = 3;
const MAX_SOCKETS = 50;

describe('many tenants on one endpoint (transportSharing per-endpoint, the default)', () => {
  const keys = tenantKeys(TENANTS);
  let emulator: RunningEmulator;
  let pool: BedrockPool;

  async function start(poolOptions: BedrockPoolOptions = {}, emulatorOptions: Parameters<typeof startEmulator>[0] = {}): Promise<void> {
    emulator = await startEmulator({ tls: true, credentials: keys, ...emulatorOptions });
    // The tenants' keys are host-provided (unmarked): the operator's policy names the emulator's endpoint.
    pool = new BedrockPool({ openTelemetry: false, endpointPolicy: { allowedHosts: [new URL(emulator.url).host] }, ...poolOptions, defaults: { tls: { ca: emulator.ca }, ...poolOptions.defaults } });
  }
  afterEach(async () => {
    await pool?.destroy();
    await emulator?.close();
  });

  const configFor = (key: EmulatorCredentials, extra: Partial<ClientConfig> = {}): ClientConfig => ({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { kind: 'static', ...key },
    ...extra,
  });
  const acquire = (i: number, extra: Partial<ClientConfig> = {}): ClientLease =>
    pool.acquire({ graphId: `flow-${i}`, nodeId: 'AmazonBedrockConverseModel-T1' }, configFor(keys[i]!, extra));

  test('200 credentials in rotation, 3 rounds, over TLS: 1 handshake, 200 resolutions, each request signed with its own key', async () => {
    await start();
    const clients = new Set<unknown>();
    const scopes = new Set<string | undefined>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < TENANTS; i += 1) {
        const lease = acquire(i);
        clients.add(lease.client);
        scopes.add(lease.credentialScope);
        expect(await converse(lease.client, `tenant ${i} round ${round}`)).toContain(`tenant ${i} round ${round}`);
      }
    }
    const stats = emulator.stats();
    expect(stats.tls.handshakes).toBe(1);
    expect(stats.connections.accepted).toBe(1);
    expect(stats.auth.failures).toBe(0);
    // Each tenant's key signed exactly its own 3 requests: none was signed with another tenant's key.
    expect(stats.auth.byAccessKeyId).toEqual(Object.fromEntries(keys.map((key) => [key.accessKeyId, ROUNDS])));

    const snapshot = pool.metrics();
    expect(snapshot.totals.tlsHandshakes).toBe(1);
    expect(snapshot.totals.credentialResolutions).toBe(TENANTS);
    // One client, one provider, one scope per credential; nothing shared across credentials.
    expect(clients.size).toBe(TENANTS);
    expect(scopes.size).toBe(TENANTS);
    expect(snapshot.slots).toHaveLength(TENANTS);
    expect(snapshot.credentials).toHaveLength(TENANTS);
    expect(snapshot.credentials.every((provider) => provider.slots === 1 && provider.resolutions === 1)).toBe(true);
    // Connections per endpoint, requests per slot.
    expect(snapshot.endpoints).toEqual([
      expect.objectContaining({ endpoint: emulator.url, sharing: 'per-endpoint', slots: TENANTS, connectionsOpened: 1, tlsHandshakes: 1, maxSockets: MAX_SOCKETS }),
    ]);
    expect(snapshot.endpoints[0]!.requestsOnReusedConnections).toBe(TENANTS * ROUNDS - 1);
    expect(new Set(snapshot.slots.map((slot) => slot.transportId))).toEqual(new Set([snapshot.endpoints[0]!.transportId]));
    expect(snapshot.slots.every((slot) => slot.metrics.requests === ROUNDS && slot.metrics.tlsHandshakes === 1)).toBe(true);
  });

  test('200 credentials at once: at most the endpoint socket limit of connections and handshakes', async () => {
    await start();
    for (let round = 0; round < 2; round += 1) {
      await Promise.all(keys.map((_, i) => converse(acquire(i).client, `tenant ${i}`)));
    }
    const stats = emulator.stats();
    expect(stats.auth.failures).toBe(0);
    expect(stats.tls.handshakes).toBeGreaterThanOrEqual(1);
    expect(stats.tls.handshakes).toBeLessThanOrEqual(MAX_SOCKETS);
    expect(stats.connections.accepted).toBeLessThanOrEqual(MAX_SOCKETS);
    expect(stats.requests.maxInFlight).toBeLessThanOrEqual(MAX_SOCKETS);
    expect(pool.metrics().endpoints[0]!.connectionsOpened).toBe(stats.connections.accepted);
    expect(pool.metrics().totals.credentialResolutions).toBe(TENANTS);
  });

  test('per-slot sharing (the escape hatch) gives each credential its own sockets, as before', async () => {
    await start({ transportSharing: 'per-slot' });
    for (let i = 0; i < 20; i += 1) await converse(acquire(i).client);
    expect(emulator.stats().tls.handshakes).toBe(20);
    expect(pool.metrics().endpoints).toHaveLength(20);
    expect(pool.metrics().endpoints.every((endpoint) => endpoint.sharing === 'per-slot' && endpoint.slots === 1)).toBe(true);
  });

  test('different transport settings or endpoints never share a transport', async () => {
    await start();
    const base = acquire(0);
    const otherTimeout = acquire(1, { http: { requestTimeoutMs: 30_000 } });
    const otherSockets = acquire(2, { http: { maxSockets: 10 } });
    const h2 = acquire(3, { transport: 'http2' });
    const sameAsBase = acquire(4, { retry: { maxAttempts: 5 } });
    const other = await startEmulator({ tls: false, credentials: keys });
    try {
      const otherEndpoint = pool.acquire({ graphId: 'flow-x', nodeId: 'n' }, { ...configFor(keys[5]!), endpoint: other.url });
      const ids = (lease: ClientLease) => pool.metrics().slots.find((slot) => slot.slotId === lease.slotId)!.transportId;
      expect(new Set([base, otherTimeout, otherSockets, h2, otherEndpoint].map(ids)).size).toBe(5);
      expect(ids(sameAsBase)).toBe(ids(base));
      await converse(otherEndpoint.client);
      expect(other.stats().auth.byAccessKeyId).toEqual({ [keys[5]!.accessKeyId]: 1 });
    } finally {
      await pool.destroy();
      await other.close();
    }
  });

  test('evicting a slot (maxSlots) leaves the shared sockets open: 20 tenants through 5 slots, 1 connection', async () => {
    await start({ maxSlots: 5, releaseGraceMs: 0 });
    const evicted: string[] = [];
    pool.on('slotEvicted', ({ slot }) => evicted.push(slot.slotId));
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 20; i += 1) await converse(acquire(i).client);
    }
    expect(evicted.length).toBeGreaterThanOrEqual(35);
    expect(await waitFor(() => pool.metrics().slots.length <= 5)).toBe(true);
    const stats = emulator.stats();
    expect(stats.connections.accepted).toBe(1);
    expect(stats.connections.open).toBe(1);
    expect(stats.tls.handshakes).toBe(1);
    expect(pool.metrics().endpoints).toEqual([expect.objectContaining({ connectionsOpen: 1, connectionsOpened: 1 })]);
  });

  test('evicting a slot with per-slot sharing closes its sockets (what the default avoids)', async () => {
    await start({ maxSlots: 5, releaseGraceMs: 0, transportSharing: 'per-slot' });
    for (let i = 0; i < 20; i += 1) await converse(acquire(i).client);
    expect(emulator.stats().tls.handshakes).toBe(20);
    expect(await waitFor(() => emulator.stats().connections.open <= 5)).toBe(true);
  });

  test('destroying a slot aborts only its own calls; the other tenant on the same sockets carries on', async () => {
    await start({ drainTimeoutMs: 0, releaseGraceMs: 0 }, { serverDelayMs: 300 });
    const a = acquire(0);
    const b = acquire(1);
    const aCall = converse(a.client, 'a').then(
      () => 'answered',
      (error: Error) => error.name,
    );
    const bCall = converse(b.client, 'b');
    await waitFor(() => emulator.stats().requests.inFlight === 2);
    pool.release({ graphId: 'flow-0', nodeId: 'AmazonBedrockConverseModel-T1' });
    expect(await aCall).toBe('AbortError');
    expect(await bCall).toContain('b');
    expect(await converse(b.client, 'b again')).toContain('b again');
    expect(pool.metrics().endpoints).toEqual([expect.objectContaining({ slots: 1 })]);
  });

  test('fairness: a tenant with 200 calls in flight leaves room for another tenant’s call (served in turn)', async () => {
    const limit = 10;
    // Each call holds its socket 200 ms, so the burst's first `limit` calls are still running when the other tenant asks.
    await start({ defaults: { http: { maxSockets: limit } } }, { serverDelayMs: 200 });
    const burst = acquire(0);
    const other = acquire(1);
    const burstCalls = Array.from({ length: 200 }, (_, i) => converse(burst.client, `burst ${i}`));
    expect(await waitFor(() => (pool.metrics().endpoints[0]?.waiting ?? 0) >= 150)).toBe(true);
    expect(pool.metrics().endpoints[0]).toEqual(expect.objectContaining({ active: limit, waitingSlots: 1 }));
    const otherCall = converse(other.client, 'the other tenant');
    expect(await otherCall).toContain('the other tenant');
    // The other tenant's request reached the server among the first `limit + 1` after it asked: one turn, not 195 calls.
    const order = emulator.requests().map((request) => request.lastUserText);
    const position = order.indexOf('the other tenant');
    expect(position).toBeGreaterThanOrEqual(0);
    expect(position).toBeLessThanOrEqual(limit + 1);
    await Promise.all(burstCalls);
    expect(emulator.stats().requests.maxInFlight).toBeLessThanOrEqual(limit);
    expect(emulator.stats().connections.accepted).toBeLessThanOrEqual(limit);
    expect(pool.metrics().endpoints[0]).toEqual(expect.objectContaining({ active: 0, waiting: 0 }));
  });

  test('OpenTelemetry: connection instruments carry the endpoint, request instruments the slot', async () => {
    const seen: Array<{ name: string; attributes: Record<string, string> | undefined }> = [];
    otelMetrics.setGlobalMeterProvider({
      getMeter: () =>
        ({
          createCounter: (name: string) => ({ add: (_value: number, attributes?: Record<string, string>) => seen.push({ name, attributes }) }),
          createUpDownCounter: (name: string) => ({ add: (_value: number, attributes?: Record<string, string>) => seen.push({ name, attributes }) }),
          createHistogram: (name: string) => ({ record: (_value: number, attributes?: Record<string, string>) => seen.push({ name, attributes }) }),
        }) as never,
    });
    try {
      await start({ openTelemetry: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const a = acquire(0);
      const b = acquire(1);
      await converse(a.client);
      await converse(b.client);
      const transportId = pool.metrics().endpoints[0]!.transportId;
      const handshakes = seen.filter((entry) => entry.name === 'bedrock_pool.tls_handshakes');
      expect(handshakes).toEqual([{ name: 'bedrock_pool.tls_handshakes', attributes: { endpoint: emulator.url, transport: transportId } }]);
      const requests = seen.filter((entry) => entry.name === 'bedrock_pool.requests').map((entry) => entry.attributes?.slot);
      expect(requests).toEqual([a.slotId, b.slotId]);
    } finally {
      otelMetrics.disable();
    }
  });
});

test('acquire with a bad transportSharing throws a ConfigValidationError naming the option', () => {
  expect(() => new BedrockPool({ transportSharing: 'per-credential' as never })).toThrow(
    expect.objectContaining({ code: 'ERR_BEDROCK_POOL_INVALID_CONFIG', field: 'transportSharing' }),
  );
});
