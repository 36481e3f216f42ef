/**
 * CPU per component build, no call (not a test): `createComponent(...).build_model()` of the Converse component on a
 * pool versus a bare `new ChatBedrockConverse({ client })`, plus the steps in between. Steps interleave in rounds of
 * `PER_ROUND` builds; the figure is the median over rounds of CPU µs per build. No network: the endpoint is never
 * contacted. Run from the sources of every package:
 *
 *   cd packages/converse && npx tsx --tsconfig ../../bench/tsconfig.run.json scripts/measure-build-cpu.ts [rounds=30]
 */
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent, toClientConfig } from '@bedrock-flow/component';
import { ChatBedrockConverse } from '@langchain/aws';
import { amazonBedrockConverseDefinition } from '../src';

const PER_ROUND = 200;
const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
const ENDPOINT = 'https://127.0.0.1:9';
const KEYS = { accessKeyId: 'AKIDEXAMPLEBENCH0001', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 30);
  const pool = new BedrockPool({ openTelemetry: false });
  // The bare build's client: any warm client will do (it is not contacted); take one from a pool of its own.
  const barePool = new BedrockPool({ openTelemetry: false });
  const bareClient = barePool.acquire({ graphId: 'bare', nodeId: 'bare' }, { region: 'us-east-1', endpoint: ENDPOINT, credentials: { kind: 'static', ...KEYS } }).client;
  const inputs = { model_id: MODEL_ID, region_name: 'us-east-1', endpoint_url: ENDPOINT, aws_access_key_id: KEYS.accessKeyId, aws_secret_access_key: KEYS.secretAccessKey, input_value: 'hi', max_tokens: 256 };
  const identity = { graphId: 'g', nodeId: 'AmazonBedrockConverseModel-1' };
  const ctx = { ...identity, pool, env: false as const };
  const config = () => ({ region: 'us-east-1', endpoint: ENDPOINT, credentials: { kind: 'static' as const, ...KEYS } });
  const values = createComponent(amazonBedrockConverseDefinition, ctx, inputs).values;
  const steps: Record<string, () => unknown> = {
    createComponent: () => createComponent(amazonBedrockConverseDefinition, ctx, inputs),
    'createComponent+build_model': () => createComponent(amazonBedrockConverseDefinition, ctx, inputs).build_model(),
    toClientConfig: () => toClientConfig(values, ctx),
    'pool.acquire': () => pool.acquire(identity, config()),
    'new ChatBedrockConverse': () => new ChatBedrockConverse({ client: bareClient, model: MODEL_ID, region: 'us-east-1', temperature: 0.7, maxTokens: 256, topP: 0.9, additionalModelRequestFields: { top_k: 250 } }),
  };
  const only = process.env.PROFILE;
  const names = Object.keys(steps).filter((name) => !only || name === only);
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round <= rounds; round += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(round + k) % names.length]!;
      const step = steps[name]!;
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < PER_ROUND; i += 1) step();
      const cpu = process.cpuUsage(cpu0);
      if (round > 0) samples.get(name)!.push((cpu.user + cpu.system) / PER_ROUND);
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const result: Record<string, number> = {};
  for (const name of names) result[name] = Math.round(median(samples.get(name)!) * 100) / 100;
  if (result['createComponent+build_model'] !== undefined && result['new ChatBedrockConverse'] !== undefined) {
    result['build over bare'] = Math.round((result['createComponent+build_model'] - result['new ChatBedrockConverse']) * 100) / 100;
  }
  console.log(JSON.stringify({ rounds, perRound: PER_ROUND, medianCpuMicrosPerBuild: result }));
  await barePool.close();
  await pool.close();
}

void main();
