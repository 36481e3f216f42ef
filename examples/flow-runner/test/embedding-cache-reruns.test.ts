/**
 * The embedding cache on the demo's retrieval flow, rebuilt from JSON on every run as a flow builder
 * does, on one BedrockPool against the emulator: the embeddings requests Bedrock sees per run
 * (counted from the emulator's request log), with the cache on (the default) and off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBedrockRegistry } from '../src/components/bedrock-registry';
import { LOCAL_COMPONENTS } from '../src/components/local-components';
import { questionOfRun } from '../src/demo/run-demo';
import { parseFlow } from '../src/flow/parse-flow';
import { FlowHost, type FlowTweaks } from '../src/host/flow-host';
import { startFlowRunnerStack, type FlowRunnerStack } from './support/flow-runner-stack';

const retrievalJson = readFileSync(join(__dirname, '..', '..', 'flows', 'retrieval.json'), 'utf8');
const RUNS = 5;

let stack: FlowRunnerStack;
beforeEach(async () => {
  stack = await startFlowRunnerStack();
});
afterEach(() => stack.close());

/** Runs the flow `RUNS` times; returns the embeddings requests (InvokeModel on the Cohere model) and all model requests of each run. */
async function rerun(cache: boolean, newQuestion: boolean): Promise<{ embeddings: number[]; all: number[]; answers: string[] }> {
  const { emulator, pool, variables } = stack;
  const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, lifecycle: pool, variables, env: false });
  const embeddings: number[] = [];
  const all: number[] = [];
  const answers: string[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const before = emulator.requests().length;
    const question = newQuestion ? questionOfRun(run) : undefined;
    const tweaks: FlowTweaks = {
      AmazonBedrockEmbeddings: { endpoint_url: emulator.url, cache_embeddings: cache },
      AmazonBedrockModel: { endpoint_url: emulator.url },
      ...(question === undefined ? {} : { ChatInput: { input_value: question } }),
    };
    const result = await host.run(parseFlow(retrievalJson), { tweaks });
    answers.push(result.text);
    const sent = emulator.requests().slice(before);
    embeddings.push(sent.filter((r) => r.modelId === 'cohere.embed-english-v3').length);
    all.push(sent.length);
  }
  return { embeddings, all, answers };
}

test('a new question each run: 1 embeddings request per steady run with the cache, 2 without', async () => {
  const cached = await rerun(true, true);
  expect(cached.embeddings).toEqual([2, 1, 1, 1, 1]);
  expect(cached.all).toEqual([3, 2, 2, 2, 2]);
  stack.emulator.resetStats();
  const uncached = await rerun(false, true);
  expect(uncached.embeddings).toEqual([2, 2, 2, 2, 2]);
  // Same answers either way: the cached vectors are Bedrock's.
  expect(cached.answers).toEqual(uncached.answers);
});

test('the same question each run: 0 embeddings requests per steady run with the cache', async () => {
  const cached = await rerun(true, false);
  expect(cached.embeddings).toEqual([2, 0, 0, 0, 0]);
  expect(cached.all).toEqual([3, 1, 1, 1, 1]);
  expect(new Set(cached.answers).size).toBe(1);
});
