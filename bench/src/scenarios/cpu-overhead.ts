import { Agent } from 'node:https';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { ChatBedrockConverse } from '@langchain/aws';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { BENCH_MODEL_ID, BENCH_PROMPT, BENCH_REGION, converseInput } from '../rows/converse-request';
import { componentInputs } from '../rows/bedrock-flow-rows';
import { createRowDriver } from '../rows/create-row-driver';
import type { RowDriver } from '../rows/row-driver';
import { ROW_LABELS, type RowId } from '../rows/row-id';
import { summarizeLatencies } from '../stats/latency-summary';
import { latencyTable, ratio } from './latency-table';
import { errorText, now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { ScenarioResult } from './scenario-result';

/** One measured way of making a call; `call` is one full run (build + call + end of run where the row has them). */
interface Variant {
  key: string;
  row: RowId;
  label: string;
  call: () => Promise<void>;
}

const GRAPH_ID = 'flow-overhead';
const COMPONENT_BUILD_STEP = 'createComponent + build_model (adds toClientConfig, acquire, PooledChatBedrockConverse)';
const BARE_LANGCHAIN_BUILD_STEP = 'new ChatBedrockConverse (bare LangChain build)';

function splitP50(split: Map<string, number[]>, step: string): number {
  return summarizeLatencies(split.get(step) ?? []).p50;
}
const NODE_ID = 'AmazonBedrockConverseModel-Cpu01';

function driverCall(driver: RowDriver): () => Promise<void> {
  return async () => {
    const node = await driver.build({ graphId: GRAPH_ID, nodeId: NODE_ID });
    await node.converse();
    await node.endRun();
  };
}

/**
 * Scenario 5: client CPU time per call (`process.cpuUsage()`, user + system, in the measuring process only; the
 * emulators run in the parent), RTT 0. Variants run in interleaved rounds (rotating order) of
 * `overheadCallsPerRound` sequential calls, each measured on its own; a variant's figure is the p50 over its calls.
 * bedrock-flow's added CPU = (component on the pool) − (bare `ChatBedrockConverse` on a bare warm client); the
 * pool's alone = (hooks + acquire + send on the pooled client) − (send on a bare warm client).
 */
export async function runCpuOverhead(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const { overheadRounds: rounds, overheadCallsPerRound: perRound, poolMaxSockets } = ctx.plan;
  const local = ctx.config.emulators.local;
  const bareAgent = new Agent({ keepAlive: true, maxSockets: poolMaxSockets, ca: local.sdkKeepAlive.ca });
  const bareClient = new BedrockRuntimeClient({
    region: BENCH_REGION,
    endpoint: local.sdkKeepAlive.url,
    credentials: { ...TEST_CREDENTIALS },
    requestHandler: new NodeHttpHandler({ httpsAgent: bareAgent }),
  });
  const drivers = new Map<RowId, RowDriver>(
    (['stock', 'stockReused', 'seed', 'bfHttp1', 'bfComponent', 'limit'] as const).map((row) => [row, createRowDriver(row, local[row], poolMaxSockets)]),
  );
  const variants: Variant[] = [
    { key: 'stock', row: 'stock', label: ROW_LABELS.stock, call: driverCall(drivers.get('stock')!) },
    { key: 'stockReused', row: 'stockReused', label: ROW_LABELS.stockReused, call: driverCall(drivers.get('stockReused')!) },
    { key: 'seed', row: 'seed', label: ROW_LABELS.seed, call: driverCall(drivers.get('seed')!) },
    {
      key: 'sdkBare',
      row: 'sdkKeepAlive',
      label: 'bare SDK call: `send` on one warm keep-alive client',
      call: async () => {
        await bareClient.send(new ConverseCommand(converseInput()));
      },
    },
    { key: 'bfPool', row: 'bfHttp1', label: 'bedrock-flow pool: hooks + acquire + `send` (http1)', call: driverCall(drivers.get('bfHttp1')!) },
    {
      key: 'langchainBare',
      row: 'sdkKeepAlive',
      label: 'bare LangChain: new `ChatBedrockConverse` on the warm client + `invoke`',
      call: async () => {
        const model = new ChatBedrockConverse({
          client: bareClient,
          model: BENCH_MODEL_ID,
          region: BENCH_REGION,
          temperature: 0.7,
          maxTokens: 256,
          topP: 0.9,
          additionalModelRequestFields: { top_k: 250 },
        });
        await model.invoke(BENCH_PROMPT);
      },
    },
    { key: 'bfComponent', row: 'bfComponent', label: 'bedrock-flow component: `createComponent` + `build_model` + `invoke`', call: driverCall(drivers.get('bfComponent')!) },
    { key: 'limit', row: 'limit', label: ROW_LABELS.limit, call: driverCall(drivers.get('limit')!) },
  ];
  const cpuPerCall = new Map<string, number[]>(variants.map((v) => [v.key, []]));
  const wallPerCall = new Map<string, number[]>(variants.map((v) => [v.key, []]));
  const errors = new Map<string, string[]>(variants.map((v) => [v.key, []]));
  const progress = new ProgressReporter('overhead', (rounds + 1) * variants.length, ctx.channel);
  const buildSplit = new Map<string, number[]>();
  try {
    // Round 0 is not recorded: it opens the warm sockets and warms the JIT for every variant.
    for (let round = 0; round <= rounds; round += 1) {
      for (let k = 0; k < variants.length; k += 1) {
        const variant = variants[(round + k) % variants.length]!;
        for (let i = 0; i < perRound; i += 1) {
          const cpu0 = process.cpuUsage();
          const t0 = now();
          try {
            await variant.call();
            const wall = now() - t0;
            const cpu = process.cpuUsage(cpu0);
            if (round > 0) {
              cpuPerCall.get(variant.key)!.push(cpu.user + cpu.system);
              wallPerCall.get(variant.key)!.push(wall);
            }
          } catch (error) {
            errors.get(variant.key)!.push(errorText(error));
          }
        }
        progress.tick(1, variant.label);
      }
    }
    await measureBuildSplit(ctx, bareClient, buildSplit);
  } finally {
    bareClient.destroy();
    bareAgent.destroy();
    await Promise.all([...drivers.values()].map((driver) => driver.close()));
  }
  const cpu = (key: string) => summarizeLatencies(cpuPerCall.get(key)!).p50;
  const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
  const sdkBare = cpu('sdkBare');
  const poolAddedUs = cpu('bfPool') - sdkBare;
  const componentAddedUs = cpu('bfComponent') - cpu('langchainBare');
  const { table } = latencyTable(
    variants.map((v) => ({
      row: v.row,
      label: v.key === v.row ? undefined : v.label,
      samples: cpuPerCall.get(v.key)!,
      extras: {
        'mean µs CPU/call': mean(cpuPerCall.get(v.key)!),
        'p50 vs bare SDK call': ratio(cpu(v.key), sdkBare),
        'wall ms/call p50': summarizeLatencies(wallPerCall.get(v.key)!).p50,
        errors: errors.get(v.key)!.length,
      },
    })),
    { unit: 'µs CPU/call' },
  );
  table.columns = table.columns.map((c) => (c === 'p50 vs bare SDK call' ? 'p50 × bare SDK call' : c));
  return {
    scenario: 'overhead',
    title: `5. Overhead: client CPU per call (RTT 0, ${rounds} interleaved rounds × ${perRound} calls per variant)`,
    description:
      'CPU time (user + system) of the measuring process for each call, from `process.cpuUsage()` around it; variants take turns in rounds (rotating order), percentiles are over all calls (the p50 is robust to GC pauses, the mean includes them). The emulators run in the other process, so this is client work only. Added CPU compares p50s. ' +
      `bedrock-flow (component + pool) adds ${componentAddedUs.toFixed(0)} µs per call over a bare \`ChatBedrockConverse\` on a bare warm client, ` +
      `${((componentAddedUs / sdkBare) * 100).toFixed(1)} % of a bare SDK call (${sdkBare.toFixed(0)} µs); the pool alone (hooks + acquire + metrics middleware + instrumented handler) adds ${poolAddedUs.toFixed(0)} µs (${((poolAddedUs / sdkBare) * 100).toFixed(1)} %).`,
    tables: [
      table,
      {
        caption: 'Where the component\'s build time goes (CPU per build, no call; p50 over rounds of 200 builds)',
        columns: ['step', 'p50 µs CPU per build', 'share of a bare SDK call (p50)'],
        rows: [...buildSplit.entries()].map(([step, values]) => [step, summarizeLatencies(values).p50, `${((summarizeLatencies(values).p50 / sdkBare) * 100).toFixed(1)} %`]),
      },
    ],
    charts: [],
    figures: {
      'sdkBare.cpuUs': sdkBare,
      poolAddedUs,
      poolAddedPercent: (poolAddedUs / sdkBare) * 100,
      componentAddedUs,
      addedCpuPercent: (componentAddedUs / sdkBare) * 100,
      'langchainBare.cpuUs': cpu('langchainBare'),
      'langchainBare.addedUs': cpu('langchainBare') - sdkBare,
      componentBuildAddedUs: splitP50(buildSplit, COMPONENT_BUILD_STEP) - splitP50(buildSplit, BARE_LANGCHAIN_BUILD_STEP),
      'bfComponent.cpuUs': cpu('bfComponent'),
      'stock.cpuUs': cpu('stock'),
      'limit.cpuUs': cpu('limit'),
    },
    notes: variants.flatMap((v) => (errors.get(v.key)!.length ? [`${v.label} errors (first): ${errors.get(v.key)![0]}`] : [])),
    durationMs: now() - started,
    raw: { buildSplitUs: Object.fromEntries(buildSplit), cpuUsPerCallByRound: Object.fromEntries(cpuPerCall), wallMsPerCallByRound: Object.fromEntries(wallPerCall), errors: Object.fromEntries(errors) },
  };
}

/**
 * CPU per build of each step a component build adds, without any call: many builds per round (they take tens of
 * µs each), interleaved in rotating order, on a pool of its own (same emulator, never contacted).
 */
async function measureBuildSplit(ctx: ScenarioContext, bareClient: BedrockRuntimeClient, into: Map<string, number[]>): Promise<void> {
  const local = ctx.config.emulators.local.bfComponent;
  // The operator's allowance for the local emulator: the direct acquire below uses unmarked (host) keys.
  const pool = new BedrockPool({ endpointPolicy: { allowedHosts: [new URL(local.url).host] }, defaults: { tls: { ca: local.ca } } });
  const inputs = componentInputs(local.url);
  const identity = { graphId: GRAPH_ID, nodeId: NODE_ID };
  const componentCtx = { ...identity, pool, env: false as const };
  const config = {
    region: BENCH_REGION,
    endpoint: local.url,
    credentials: { kind: 'static' as const, accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey },
  };
  const steps: Array<[string, () => void]> = [
    ['createComponent (validate inputs, resolve secrets)', () => void createComponent(amazonBedrockConverseDefinition, componentCtx, inputs)],
    [COMPONENT_BUILD_STEP, () => void createComponent(amazonBedrockConverseDefinition, componentCtx, inputs).build_model()],
    ['pool.acquire (normalize + fingerprint + lease lookup)', () => void pool.acquire(identity, config)],
    ['lifecycle hooks (graphBuildStarted + graphBuildFinished)', () => {
      pool.graphBuildStarted({ graphId: GRAPH_ID, nodeIds: [NODE_ID] });
      pool.graphBuildFinished({ graphId: GRAPH_ID, nodeIds: [NODE_ID] });
    }],
    [BARE_LANGCHAIN_BUILD_STEP, () => void new ChatBedrockConverse({ client: bareClient, model: BENCH_MODEL_ID, region: BENCH_REGION, temperature: 0.7, maxTokens: 256, topP: 0.9, additionalModelRequestFields: { top_k: 250 } })],
  ];
  const perRound = 200;
  for (const [name] of steps) into.set(name, []);
  try {
    for (let round = 0; round <= ctx.plan.overheadRounds; round += 1) {
      for (let k = 0; k < steps.length; k += 1) {
        const [name, step] = steps[(round + k) % steps.length]!;
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < perRound; i += 1) step();
        const cpu = process.cpuUsage(cpu0);
        if (round > 0) {
          into.get(name)!.push((cpu.user + cpu.system) / perRound);
        }
      }
      // Let the event loop breathe between rounds (pool timers, GC finalizers).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    await pool.close();
  }
}
