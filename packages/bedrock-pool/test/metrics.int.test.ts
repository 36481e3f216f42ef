import { metrics as otelMetrics } from '@opentelemetry/api';
import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { BedrockPool, ClientConfig } from '../src';
import { converse, usePoolAndEmulator, waitFor } from './support/pool-fixture';

describe('metrics', () => {
  let emulator: RunningEmulator;
  let pool: BedrockPool;
  let config: ClientConfig;

  const start = usePoolAndEmulator({ start: 'manual' }, (started) => ({ emulator, pool, config } = started));
  afterEach(() => otelMetrics.disable());

  test('retries, throttles and errors by kind; latency percentiles', async () => {
    await start({ openTelemetry: false });
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { ...config, retry: { mode: 'standard', maxAttempts: 3 } });
    emulator.setFaults({ throttle: { count: 1 } });
    await converse(lease.client);
    emulator.setFaults({ serverError: { status: 503, count: 1 } });
    await converse(lease.client);
    emulator.setFaults({ throttle: { count: 3 } });
    await expect(converse(lease.client)).rejects.toThrow();
    emulator.setFaults({});
    const totals = pool.metrics().totals;
    expect(totals.operations).toBe(3);
    expect(totals.requests).toBe(1 + 1 + 1 + 1 + 3);
    expect(totals.retries).toBe(1 + 1 + 2);
    expect(totals.throttles).toBe(1 + 3);
    expect(totals.errorsByKind).toEqual({ throttling: 4, server_5xx: 1, 'operation:ThrottlingException': 1 });
    expect(totals.latency.timeToFirstByteMs.count).toBe(7);
    expect(totals.latency.timeToFirstByteMs.p50).toBeGreaterThan(0);
    expect(totals.latency.timeToFirstByteMs.p99).toBeGreaterThanOrEqual(totals.latency.timeToFirstByteMs.p50);
    expect(totals.latency.tlsMs.count).toBe(emulator.stats().tls.handshakes);
    expect(totals.inFlight).toBe(0);
    expect(JSON.parse(JSON.stringify(pool.metrics()))).toEqual(pool.metrics());
  });

  test('feeds OpenTelemetry instruments when @opentelemetry/api is present', async () => {
    const added = new Map<string, number>();
    const recorded = new Map<string, number>();
    const created = new Set<string>();
    otelMetrics.setGlobalMeterProvider({
      getMeter: () =>
        ({
          createCounter: (name: string) => (created.add(name), { add: (value: number) => added.set(name, (added.get(name) ?? 0) + value) }),
          createUpDownCounter: (name: string) => ({ add: (value: number) => added.set(name, (added.get(name) ?? 0) + value) }),
          createHistogram: (name: string) => ({ record: () => recorded.set(name, (recorded.get(name) ?? 0) + 1) }),
        }) as never,
    });
    await start();
    expect(await waitFor(() => created.has('bedrock_pool.connections_opened'))).toBe(true);
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, config);
    await converse(lease.client);
    await converse(lease.client);
    expect(added.get('bedrock_pool.requests')).toBe(2);
    expect(added.get('bedrock_pool.connections_opened')).toBe(1);
    expect(added.get('bedrock_pool.tls_handshakes')).toBe(1);
    expect(added.get('bedrock_pool.requests_on_reused_connections')).toBe(1);
    expect(added.get('bedrock_pool.credential_resolutions')).toBe(1);
    expect(added.get('bedrock_pool.in_flight')).toBe(0);
    expect(recorded.get('bedrock_pool.time_to_first_byte')).toBe(2);
  });
});
