import type { ScenarioId } from '../cli/bench-options';
import { ParentChannel } from '../ipc/parent-channel';
import type { WorkerConfig } from '../ipc/protocol';
import { runChurn } from '../scenarios/churn';
import { runColdFirstCall } from '../scenarios/cold-first-call';
import { runConcurrency } from '../scenarios/concurrency';
import { runCpuOverhead } from '../scenarios/cpu-overhead';
import { errorText, type ScenarioContext } from '../scenarios/scenario-context';
import type { ScenarioResult } from '../scenarios/scenario-result';
import { runSequentialRebuild } from '../scenarios/sequential-rebuild';
import { runStreaming } from '../scenarios/streaming';
import { runEmbeddingsReruns } from '../scenarios/embeddings-reruns';
import { runLongGeneration } from '../scenarios/long-generation';
import { runManyTenants } from '../scenarios/many-tenants';
import { runKnowledgeBaseFlow } from '../scenarios/knowledge-base-flow';

/**
 * The measuring process: runs the scenarios the parent asked for, one after another, with the clients only. The
 * emulators and the latency proxy live in the parent, so `process.cpuUsage()` here is client work alone.
 */
const RUNNERS: Record<ScenarioId, (ctx: ScenarioContext) => Promise<ScenarioResult>> = {
  sequential: runSequentialRebuild,
  cold: runColdFirstCall,
  concurrency: runConcurrency,
  churn: runChurn,
  overhead: runCpuOverhead,
  streaming: runStreaming,
  embeddings: runEmbeddingsReruns,
  'long-generation': runLongGeneration,
  tenants: runManyTenants,
  'knowledge-base': runKnowledgeBaseFlow,
};

async function main(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_WORKER_CONFIG ?? '{}') as WorkerConfig;
  const channel = new ParentChannel();
  const ctx: ScenarioContext = { config, plan: config.plan, channel };
  for (const scenario of config.scenarios) {
    try {
      channel.result(await RUNNERS[scenario](ctx));
    } catch (error) {
      channel.failed(scenario, errorText(error));
    }
  }
  channel.done();
  channel.close();
}

void main();
