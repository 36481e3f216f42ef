/**
 * Cost of `pool.metrics()` with one slot that has served calls: mean microseconds per call over many polls,
 * (a) polled with no new samples in between, (b) with one new call between polls. Run:
 * `npx tsx scripts/measure-metrics-cost.ts` (from packages/bedrock-pool).
 */
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { BedrockPool } from '../src';

const POLLS = 2_000;

async function main(): Promise<void> {
  const emulator = await startEmulator({ tls: true });
  const pool = new BedrockPool({ openTelemetry: false, defaults: { tls: { ca: emulator.ca } } });
  try {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { region: 'us-east-1', endpoint: emulator.url, credentials: { kind: 'static', ...TEST_CREDENTIALS } });
    const call = () => lease.client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
    for (let i = 0; i < 200; i += 1) await call();
    for (let i = 0; i < 200; i += 1) pool.metrics(); // warm the JIT
    let started = performance.now();
    for (let i = 0; i < POLLS; i += 1) pool.metrics();
    const idleUs = ((performance.now() - started) * 1000) / POLLS;
    let spent = 0;
    for (let i = 0; i < 200; i += 1) {
      await call();
      started = performance.now();
      pool.metrics();
      spent += performance.now() - started;
    }
    const afterCallUs = (spent * 1000) / 200;
    console.log(JSON.stringify({ polls: POLLS, idleMicrosPerCall: Math.round(idleUs * 10) / 10, afterNewSampleMicrosPerCall: Math.round(afterCallUs * 10) / 10 }));
  } finally {
    await pool.close();
    await emulator.close();
  }
}

void main();
