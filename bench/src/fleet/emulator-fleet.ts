import { startEmulator, startLatencyProxy, TEST_CREDENTIALS, type RunningEmulator, type RunningLatencyProxy } from '@bedrock-flow/emulator';
import type { EmulatorEndpoint, EmulatorSet } from '../ipc/protocol';
import { ROW_IDS, type RowId } from '../rows/row-id';
import { allBenchTenantCredentials } from '../rows/tenant-credentials';
import type { RowCounters } from './row-counters';

/** Rows whose client keeps the SDK's default handler and so trusts the emulator only through `NODE_EXTRA_CA_CERTS`. */
const DEFAULT_HANDLER_ROWS: readonly RowId[] = ['stock', 'stockReused'];
const SETS = ['rtt', 'local'] as const;

/** Every emulator of a run, and per-row counters. */
export interface EmulatorFleet {
  counters(set: EmulatorSet, row: RowId): RowCounters;
  resetCounters(set: EmulatorSet, row: RowId): void;
  endpoints(): Record<EmulatorSet, Record<RowId, EmulatorEndpoint>>;
  /** The PEM the worker's `NODE_EXTRA_CA_CERTS` file holds: the CA of the emulator the stock rows use. */
  extraCaPem(): string;
  /** Resumed TLS sessions on the stock rows' shared emulator (0 means every proxied connection was a full handshake). */
  stockResumedSessions(): number;
  close(): Promise<void>;
}

/**
 * Starts the fleet. Set `rtt` sits behind a latency proxy of `rttMs` (RTT/2 each way, plus one RTT before a new
 * connection's first bytes), set `local` is plain loopback. Every row but the two stock rows gets its own
 * emulator (TLS h2 + http/1.1; the limit's with `auth: 'none'`) so its counters are its own. The stock rows
 * share ONE emulator, each behind a proxy of its own (RTT 0 for `local`): OpenSSL finds a trusted self-signed
 * certificate by subject, so `NODE_EXTRA_CA_CERTS` can hold only one of the emulators' same-named certificates,
 * and the per-row proxies still count each stock row's connections.
 */
export async function startEmulatorFleet(options: { rttMs: number; streamChunkDelayMs: number }): Promise<EmulatorFleet> {
  const emulators: RunningEmulator[] = [];
  const proxies: RunningLatencyProxy[] = [];
  const own = { rtt: new Map(), local: new Map() } as Record<EmulatorSet, Map<RowId, RunningEmulator>>;
  const proxied = { rtt: new Map(), local: new Map() } as Record<EmulatorSet, Map<RowId, RunningLatencyProxy>>;
  const proxyBase = new Map<RunningLatencyProxy, number>();
  let shared: RunningEmulator | undefined;
  // The test keys first (every scenario but 9 signs with them, found at once), then scenario 9's tenant keys.
  const credentials = [TEST_CREDENTIALS, ...allBenchTenantCredentials()];
  try {
    shared = await startEmulator({ tls: true, credentials, streamChunkDelayMs: options.streamChunkDelayMs });
    emulators.push(shared);
    for (const set of SETS) {
      for (const row of ROW_IDS) {
        if (DEFAULT_HANDLER_ROWS.includes(row)) {
          const proxy = await startLatencyProxy({ target: { host: '127.0.0.1', port: shared.port }, rttMs: set === 'rtt' ? options.rttMs : 0 });
          proxies.push(proxy);
          proxyBase.set(proxy, 0);
          proxied[set].set(row, proxy);
        } else {
          const emulator = await startEmulator({
            tls: true,
            rttMs: set === 'rtt' ? options.rttMs : 0,
            auth: row === 'limit' ? 'none' : 'sigv4',
            credentials,
            streamChunkDelayMs: options.streamChunkDelayMs,
          });
          emulators.push(emulator);
          own[set].set(row, emulator);
        }
      }
    }
  } catch (error) {
    await Promise.all([...proxies.map((p) => p.close()), ...emulators.map((e) => e.close())]);
    throw error;
  }
  const sharedEmulator = shared;
  return {
    counters(set, row) {
      const emulator = own[set].get(row);
      if (emulator) {
        const stats = emulator.stats();
        return {
          connections: stats.connections.accepted,
          tlsHandshakes: stats.tls.handshakes,
          http2Sessions: stats.http2.sessions,
          openConnections: stats.connections.open,
          requests: stats.requests.total,
          errorResponses: stats.requests.errors,
          source: 'emulator',
        };
      }
      const proxy = proxied[set].get(row)!;
      const connections = proxy.connections() - proxyBase.get(proxy)!;
      // Through the proxy each connection is one TLS session, each an h2 session for the default handler.
      return { connections, tlsHandshakes: connections, http2Sessions: connections, openConnections: -1, requests: -1, errorResponses: -1, source: 'proxy' };
    },
    resetCounters(set, row) {
      const emulator = own[set].get(row);
      if (emulator) emulator.resetStats();
      else {
        const proxy = proxied[set].get(row)!;
        proxyBase.set(proxy, proxy.connections());
      }
    },
    endpoints() {
      const out = { rtt: {}, local: {} } as Record<EmulatorSet, Record<RowId, EmulatorEndpoint>>;
      for (const set of SETS) {
        for (const row of ROW_IDS) {
          const emulator = own[set].get(row);
          out[set][row] = emulator ? { url: emulator.url, ca: emulator.ca! } : { url: `https://127.0.0.1:${proxied[set].get(row)!.port}`, ca: sharedEmulator.ca! };
        }
      }
      return out;
    },
    extraCaPem: () => sharedEmulator.ca!,
    stockResumedSessions: () => sharedEmulator.stats().tls.resumed,
    close: async () => {
      await Promise.all(proxies.map((p) => p.close()));
      await Promise.all(emulators.map((e) => e.close()));
    },
  };
}
