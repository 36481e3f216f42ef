/**
 * One-off measurement behind the default transport (not a test): runs Converse and ConverseStream calls
 * through the pool's http1 and http2 slots, and through a stock-like client (the SDK's default
 * NodeHttp2Handler with disableConcurrentStreams: true), against the emulator over TLS behind its latency
 * proxy, and prints per-call percentiles and the connections/handshakes the emulator counted.
 *
 *   cd packages/bedrock-pool && npx tsx scripts/measure-transport.ts [rttMs=30]
 */
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockPool } from '../src';

const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
const SEQUENTIAL_CALLS = 20;
const BURST_SIZE = 50;
const BURSTS = 3;

type Variant = 'stock h2 (isolated sessions)' | 'pool http1' | 'pool http2';

async function converse(client: BedrockRuntimeClient): Promise<void> {
  await client.send(new ConverseCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text: 'hi there' }] }] }));
}

async function converseStream(client: BedrockRuntimeClient): Promise<void> {
  const output = await client.send(new ConverseStreamCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text: 'hi there' }] }] }));
  for await (const _event of output.stream ?? []) void _event;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function measure(emulator: RunningEmulator, variant: Variant, scenario: string, work: (client: BedrockRuntimeClient) => Promise<number[]>) {
  emulator.resetStats();
  let pool: BedrockPool | undefined;
  let client: BedrockRuntimeClient;
  if (variant === 'stock h2 (isolated sessions)') {
    client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: TEST_CREDENTIALS,
      requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: true, nodeHttp2ConnectOptions: { ca: emulator.ca } }),
    });
  } else {
    pool = new BedrockPool({ openTelemetry: false, defaults: { tls: { ca: emulator.ca } } });
    client = pool.acquire({ graphId: 'bench', nodeId: 'n' }, {
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { kind: 'static', ...TEST_CREDENTIALS },
      transport: variant === 'pool http1' ? 'http1' : 'http2',
    }).client;
  }
  const durations = await work(client);
  const stats = emulator.stats();
  if (pool) await pool.close();
  else client.destroy();
  return {
    variant,
    scenario,
    p50: Number(percentile(durations, 50).toFixed(1)),
    p90: Number(percentile(durations, 90).toFixed(1)),
    connections: stats.connections.accepted,
    tlsHandshakes: stats.tls.handshakes,
  };
}

async function main(): Promise<void> {
  const rttMs = Number(process.argv[2] ?? 30);
  const emulator = await startEmulator({ tls: true, rttMs });
  const rows = [];
  try {
    for (const variant of ['stock h2 (isolated sessions)', 'pool http1', 'pool http2'] as Variant[]) {
      rows.push(await measure(emulator, variant, `${SEQUENTIAL_CALLS} sequential Converse`, async (client) => {
        const durations: number[] = [];
        for (let call = 0; call < SEQUENTIAL_CALLS; call += 1) durations.push(await timed(() => converse(client)));
        return durations;
      }));
      rows.push(await measure(emulator, variant, `${SEQUENTIAL_CALLS} sequential ConverseStream`, async (client) => {
        const durations: number[] = [];
        for (let call = 0; call < SEQUENTIAL_CALLS; call += 1) durations.push(await timed(() => converseStream(client)));
        return durations;
      }));
      rows.push(await measure(emulator, variant, `${BURSTS} bursts of ${BURST_SIZE} concurrent Converse (per burst)`, async (client) => {
        const durations: number[] = [];
        for (let burst = 0; burst < BURSTS; burst += 1) {
          durations.push(await timed(async () => void (await Promise.all(Array.from({ length: BURST_SIZE }, () => converse(client))))));
        }
        return durations;
      }));
    }
  } finally {
    await emulator.close();
  }
  console.log(`TLS emulator behind a latency proxy, RTT ${rttMs} ms, Node ${process.version}`);
  console.table(rows);
}

void main();
