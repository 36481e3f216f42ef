// What the endpoint policy costs per acquire: cd packages/bedrock-pool && npx tsx scripts/measure-endpoint-policy-cost.ts
// No network call: acquire only leases; nothing is sent.
import { performance } from 'node:perf_hooks';
import { BedrockPool, EndpointPolicy, type ClientConfig } from '../src';

const config: ClientConfig = {
  region: 'us-east-1',
  endpoint: 'https://bedrock-runtime.us-east-1.amazonaws.com',
  credentials: { kind: 'static', accessKeyId: 'AKIAMEASURE', secretAccessKey: 'measure-secret' },
  proxy: false,
};

function perCallNs(times: number, run: (i: number) => void): number {
  for (let i = 0; i < Math.min(times, 20_000); i += 1) run(i); // warm the JIT
  const start = performance.now();
  for (let i = 0; i < times; i += 1) run(i);
  return ((performance.now() - start) * 1e6) / times;
}

async function measure(label: string, pool: BedrockPool): Promise<void> {
  pool.acquire({ graphId: 'g', nodeId: 'warm' }, config);
  const warm = perCallNs(1_000_000, () => pool.acquire({ graphId: 'g', nodeId: 'warm' }, config));
  // A new node each time (same config): validation, fingerprint, policy decision (memoised) and a new lease.
  let node = 0;
  const fresh = perCallNs(50_000, () => pool.acquire({ graphId: 'g', nodeId: `n${node++}` }, config));
  console.log(`${label.padEnd(28)} warm acquire ${(warm / 1000).toFixed(2)} µs   new-node acquire ${(fresh / 1000).toFixed(2)} µs`);
  await pool.destroy();
}

await measure('default endpoint policy', new BedrockPool({ openTelemetry: false, idleTtlMs: 0 }));
await measure('policy off (allowAnyEndpoint)', new BedrockPool({ openTelemetry: false, idleTtlMs: 0, endpointPolicy: { allowAnyEndpoint: true } }));
const policy = new EndpointPolicy();
const first = perCallNs(20_000, (i) => policy.check(`https://bedrock-runtime.us-east-${i}.amazonaws.com`, { kind: 'default' }));
console.log(`first decision for an endpoint (URL parse + match, then memoised): ${(first / 1000).toFixed(2)} µs`);
