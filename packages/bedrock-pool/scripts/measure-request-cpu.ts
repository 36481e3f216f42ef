/**
 * Client CPU a pooled request adds over a bare keep-alive SDK client (not a test): the emulator (TLS, `auth: 'none'`,
 * RTT 0) runs in a child process so `process.cpuUsage()` sees client work only. Rounds interleave the variants; each
 * round makes `CALLS` sequential Converse calls per variant; the figure is the median over rounds of CPU µs per call.
 * Variants: `bare` (one warm `NodeHttpHandler` client), `bare, slot config` (the same with a slot's SDK options), `pool` (`lease.client.send` on a warm pooled client),
 * `pool+hooks` (graphBuildStarted + acquire + graphBuildFinished + send, as the bench's pool row).
 *
 *   cd packages/bedrock-pool && npx tsx scripts/measure-request-cpu.ts [rounds=15] [calls=300]
 *   (add `--cpu-prof` through NODE_OPTIONS, or PROFILE=pool to run only that variant for a profile)
 */
import { fork } from 'node:child_process';
import { Agent } from 'node:https';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { BedrockPool } from '../src';

const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

async function serveEmulator(): Promise<void> {
  const emulator = await startEmulator({ tls: true, auth: 'none' });
  process.send?.({ url: emulator.url, ca: emulator.ca });
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 15);
  const calls = Number(process.argv[3] ?? 300);
  const child = fork(process.argv[1]!, ['--emulator'], { stdio: 'inherit' });
  const { url, ca } = await new Promise<{ url: string; ca: string }>((resolve) => child.once('message', (m) => resolve(m as { url: string; ca: string })));
  const agent = new Agent({ keepAlive: true, maxSockets: 50, ca });
  const bare = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: url, credentials: { ...TEST_CREDENTIALS }, requestHandler: new NodeHttpHandler({ httpsAgent: agent }) });
  // The SDK configured as a slot is (adaptive retry, connect/request/socket timeouts, LIFO keep-alive agent), without
  // the pool's handler wrapper, agent hooks, middleware or metrics: pool − this is the pool's own instrumentation.
  const slotLikeAgent = new Agent({ keepAlive: true, keepAliveMsecs: 1_000, maxSockets: 50, scheduling: 'lifo', ca });
  const slotLike = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { ...TEST_CREDENTIALS },
    retryMode: 'adaptive',
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ httpsAgent: slotLikeAgent, connectionTimeout: 10_000, requestTimeout: 60_000, throwOnRequestTimeout: true, socketTimeout: 60_000 }),
  });
  const pool = new BedrockPool({ openTelemetry: false, defaults: { tls: { ca } } });
  const identity = { graphId: 'g', nodeId: 'n' };
  const config = () => ({ region: 'us-east-1', endpoint: url, credentials: { kind: 'static' as const, ...TEST_CREDENTIALS } });
  const lease = pool.acquire(identity, config());
  const input = () => ({ modelId: MODEL_ID, messages: [{ role: 'user' as const, content: [{ text: 'hi there' }] }], inferenceConfig: { maxTokens: 256 } });
  const variants: Record<string, () => Promise<unknown>> = {
    bare: () => bare.send(new ConverseCommand(input())),
    'bare, slot config': () => slotLike.send(new ConverseCommand(input())),
    pool: () => lease.client.send(new ConverseCommand(input())),
    'pool+hooks': () => {
      pool.graphBuildStarted({ graphId: 'g', nodeIds: ['n'] });
      const l = pool.acquire(identity, config());
      pool.graphBuildFinished({ graphId: 'g', nodeIds: ['n'] });
      return l.client.send(new ConverseCommand(input()));
    },
  };
  const only = process.env.PROFILE;
  const names = Object.keys(variants).filter((name) => !only || name === only);
  const perRound = new Map<string, number[]>(names.map((name) => [name, []]));
  try {
    for (let round = 0; round <= rounds; round += 1) {
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(round + k) % names.length]!;
        const run = variants[name]!;
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < calls; i += 1) await run();
        const cpu = process.cpuUsage(cpu0);
        if (round > 0) perRound.get(name)!.push((cpu.user + cpu.system) / calls);
      }
    }
    const result: Record<string, number> = {};
    for (const name of names) result[name] = Math.round(median(perRound.get(name)!) * 10) / 10;
    if (result.bare !== undefined && result.pool !== undefined) result['pool - bare'] = Math.round((result.pool - result.bare) * 10) / 10;
    if (result['bare, slot config'] !== undefined && result.pool !== undefined) result['pool - bare, slot config'] = Math.round((result.pool - result['bare, slot config']) * 10) / 10;
    if (result.bare !== undefined && result['pool+hooks'] !== undefined) result['pool+hooks - bare'] = Math.round((result['pool+hooks'] - result.bare) * 10) / 10;
    console.log(JSON.stringify({ rounds, calls, medianCpuMicrosPerCall: result, requests: pool.metrics().totals.requests, warmUpRequests: pool.metrics().totals.warmUpRequests, connectionsOpened: pool.metrics().totals.connectionsOpened }));
  } finally {
    bare.destroy();
    slotLike.destroy();
    slotLikeAgent.destroy();
    agent.destroy();
    await pool.close();
    child.disconnect();
  }
}

if (process.argv.includes('--emulator')) void serveEmulator();
else void main();
