/**
 * Heap per slot: N slots with N distinct static key pairs to one endpoint (the multi-tenant case: one slot per
 * credential), measured as the heap (JS heap + ArrayBuffers) after two full GCs with the slots alive, minus the heap before, over N.
 * Two shapes: slots only acquired (no call), and slots that have each made one Converse call through the shared
 * transport (latency histograms, cached credentials, the SDK's resolved config). Run with:
 * `node --expose-gc --import tsx scripts/measure-slot-memory.ts [N…]` (from packages/bedrock-pool).
 */
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type EmulatorCredentials } from '@bedrock-flow/emulator';
import { BedrockPool, type TransportSharing } from '../src';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** JS heap plus ArrayBuffer backing stores (typed arrays such as histogram buckets live outside the JS heap). */
function heapUsed(): number {
  gc!();
  gc!();
  const { heapUsed: js, arrayBuffers } = process.memoryUsage();
  return js + arrayBuffers;
}

function keysFor(n: number): EmulatorCredentials[] {
  return Array.from({ length: n }, (_, i) => ({ accessKeyId: `AKIAMEM${String(i).padStart(13, '0')}`, secretAccessKey: `mem-secret-${i}-${'x'.repeat(28)}` }));
}

async function measure(n: number, withCall: boolean, sharing: TransportSharing): Promise<{ perSlotKiB: number; totalMiB: number }> {
  const keys = keysFor(n);
  const emulator = await startEmulator({ tls: true, credentials: keys });
  const pool = new BedrockPool({ openTelemetry: false, maxSlots: n + 1, transportSharing: sharing, defaults: { tls: { ca: emulator.ca } } });
  try {
    const before = heapUsed();
    const leases = keys.map((key, i) =>
      pool.acquire({ graphId: `flow-${i}`, nodeId: 'AmazonBedrockConverseModel-1' }, { region: 'us-east-1', endpoint: emulator.url, credentials: { kind: 'static', ...key } }),
    );
    if (withCall) {
      // Bounded concurrency: at most 20 at once (the bench's rotation is sequential; this only fills the slots).
      let next = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (next < leases.length) {
            const lease = leases[next++]!;
            await lease.client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
          }
        }),
      );
    }
    const after = heapUsed();
    if (pool.metrics().slots.length !== n) throw new Error(`expected ${n} slots, got ${pool.metrics().slots.length}`);
    return { perSlotKiB: (after - before) / n / 1024, totalMiB: (after - before) / 1024 / 1024 };
  } finally {
    await pool.destroy();
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows: string[] = ['| slots (distinct credentials) | transport sharing | shape | heap per slot | heap for all slots |', '|---|---|---|---|---|'];
  for (const n of sizes.length > 0 ? sizes : [1_000, 10_000]) {
    for (const withCall of [false, true]) {
      for (const sharing of ['per-endpoint', 'per-slot'] as const) {
        const { perSlotKiB, totalMiB } = await measure(n, withCall, sharing);
        rows.push(`| ${n.toLocaleString('en-US')} | ${sharing} | ${withCall ? 'one call each' : 'acquired, no call'} | ${perSlotKiB.toFixed(1)} KiB | ${totalMiB.toFixed(1)} MiB |`);
        console.log(rows.at(-1));
      }
    }
  }
  console.log(`\nNode ${process.version}\n${rows.join('\n')}`);
}

void main();
