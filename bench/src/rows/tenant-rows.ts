import { Agent } from 'node:https';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { BedrockPool, type PoolMetricsSnapshot, type TransportSharing } from '@bedrock-flow/bedrock-pool';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { EmulatorEndpoint } from '../ipc/protocol';
import { BENCH_REGION, converseInput } from './converse-request';
import type { RowId } from './row-id';
import { benchTenantCredentials, TenantCountingCredentials } from './tenant-credentials';

/** The rows of the multi-tenant scenario. */
export const TENANT_ROW_IDS = ['stock', 'seed', 'perSlot', 'shared'] as const;
export type TenantRowId = (typeof TENANT_ROW_IDS)[number];

export const TENANT_ROW_LABELS: Record<TenantRowId, string> = {
  stock: 'stock (new default client per run)',
  seed: 'seed (keep-alive client per run)',
  perSlot: 'bedrock-flow, sockets per credential (before: per-slot, maxSlots 64)',
  shared: 'bedrock-flow, sockets per endpoint (default)',
};

/**
 * The fleet emulator that counts each row (server side). The pool rows borrow the emulators of the bedrock-flow
 * rows of the other scenarios (transport does not matter to an emulator); stock shares the stock rows' emulator
 * behind its own counting proxy.
 */
export const TENANT_ROW_EMULATOR: Record<TenantRowId, RowId> = { stock: 'stock', seed: 'seed', perSlot: 'bfHttp2', shared: 'bfHttp1' };

/** One way of running tenant `i`'s flow once: build what the host builds per run, one Converse call, end the run. */
export interface TenantRow {
  readonly id: TenantRowId;
  run(tenant: number): Promise<void>;
  credentialResolutions(): number;
  poolMetrics(): PoolMetricsSnapshot | undefined;
  close(): Promise<void>;
}

async function converseOnce(client: BedrockRuntimeClient): Promise<void> {
  const out = await client.send(new ConverseCommand(converseInput()));
  if (!out.output?.message) throw new Error('Converse returned no message');
}

/** A row driver for the multi-tenant scenario. `maxSockets` bounds the seed agent and the pools' endpoint. */
export function createTenantRow(id: TenantRowId, endpoint: EmulatorEndpoint, maxSockets: number): TenantRow {
  if (id === 'stock' || id === 'seed') {
    const credentials = new TenantCountingCredentials();
    return {
      id,
      async run(tenant) {
        // Stock: region, endpoint, credentials only (the CA comes from NODE_EXTRA_CA_CERTS; the handler is the SDK's).
        const agent = id === 'seed' ? new Agent({ keepAlive: true, maxSockets, ca: endpoint.ca }) : undefined;
        const client = new BedrockRuntimeClient({
          region: BENCH_REGION,
          endpoint: endpoint.url,
          credentials: credentials.providerFor(tenant),
          ...(agent ? { requestHandler: new NodeHttpHandler({ httpsAgent: agent }) } : {}),
        });
        try {
          await converseOnce(client);
        } finally {
          client.destroy();
          agent?.destroy();
        }
      },
      credentialResolutions: () => credentials.resolutions,
      poolMetrics: () => undefined,
      close: async () => undefined,
    };
  }
  const sharing: TransportSharing = id === 'shared' ? 'per-endpoint' : 'per-slot';
  // `perSlot` is the pool as it was before transports were shared: its own sockets per slot, and maxSlots 64.
  const pool = new BedrockPool({
    openTelemetry: false,
    transportSharing: sharing,
    ...(id === 'perSlot' ? { maxSlots: 64 } : {}),
    defaults: { tls: { ca: endpoint.ca }, http: { maxSockets } },
  });
  return {
    id,
    async run(tenant) {
      // What a host does per run: the flow's graph is rebuilt and its node acquires its client (flow = tenant).
      const lease = pool.acquire(
        { graphId: `tenant-flow-${tenant}`, nodeId: 'AmazonBedrockConverseModel-T1' },
        { region: BENCH_REGION, endpoint: endpoint.url, credentials: { kind: 'static', ...benchTenantCredentials(tenant) } },
      );
      await converseOnce(lease.client);
    },
    credentialResolutions: () => pool.metrics().totals.credentialResolutions,
    poolMetrics: () => pool.metrics(),
    close: () => pool.close(),
  };
}
