import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { BEDROCK_NOTES } from '../src/corpus/bedrock-notes';
import { emulatorConnection, realConnection, type FlowConnection } from '../src/connection/flow-connection';
import { findAwsCredentialSource, MissingAwsCredentialsError } from '../src/connection/find-aws-credentials';
import { FlowDefinitionError, type FlowDefinition } from '../src/flow/flow-definition';
import { ragFlow } from '../src/flow/rag-flow';
import { buildCorpusIndex } from '../src/graph/build-corpus-index';
import { compileFlowGraph } from '../src/graph/compile-flow-graph';
import { runRequests, SAMPLE_QUESTIONS } from '../src/run-requests';

const REQUESTS = 10;
const EXAMPLE_DIR = path.join(__dirname, '..');

let connection: FlowConnection;

beforeAll(async () => {
  connection = await emulatorConnection();
});

afterAll(async () => {
  await connection.close();
});

beforeEach(() => connection.emulator!.resetStats());

test(`${REQUESTS} requests, each compiling the StateGraph again, run on 1 warm client: 1 TLS handshake`, async () => {
  const handshakesAfter: number[] = [];
  const summary = await runRequests({
    connection,
    requests: REQUESTS,
    onResult: (_i, _state, metrics) => handshakesAfter.push(metrics.totals.tlsHandshakes),
  });

  expect(summary.compilations).toBe(REQUESTS);
  expect(summary.states).toHaveLength(REQUESTS);
  for (const state of summary.states) {
    expect(state.context).toHaveLength(2);
    // The chat node saw the retrieved context: the emulator's answer quotes the best document.
    expect(state.answer).toBe(`(emulator) From [${state.context[0]!.id}]: ${state.context[0]!.text}`);
    expect(state.usage?.input_tokens).toBeGreaterThan(0);
  }
  expect(handshakesAfter).toEqual(Array(REQUESTS).fill(1));
  expect(summary.metrics.slots).toHaveLength(1);
  expect(summary.metrics.leases).toBe(2);
  expect(summary.metrics.totals.connectionsOpened).toBe(1);
  expect(summary.metrics.totals.credentialResolutions).toBe(1);
  const stats = connection.emulator!.stats();
  expect(stats.tls.handshakes).toBe(1);
  expect(stats.connections.accepted).toBe(1);
  expect(stats.requests.byOperation.Converse).toBe(REQUESTS);
  // The corpus once, then each distinct question once: the embedding cache (on by default) answers repeated questions.
  const distinctQuestions = new Set(Array.from({ length: REQUESTS }, (_, i) => SAMPLE_QUESTIONS[i % SAMPLE_QUESTIONS.length])).size;
  expect(distinctQuestions).toBeLessThan(REQUESTS);
  expect(stats.requests.byOperation.InvokeModel).toBe(BEDROCK_NOTES.length + distinctQuestions);
  // runRequests closed its pool at the end, and with it the connection.
  for (let i = 0; i < 200 && connection.emulator!.stats().connections.open > 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(connection.emulator!.stats().connections.open).toBe(0);
});

test('the retriever ranks a document first when the question is that document', async () => {
  const target = BEDROCK_NOTES[3]!;
  const summary = await runRequests({ connection, requests: 1, question: () => target.text });
  expect(summary.states[0]!.context[0]).toEqual(expect.objectContaining({ id: target.id }));
  expect(summary.states[0]!.context[0]!.score).toBeCloseTo(1, 6);
});

test('a bad component value fails the compile, before any model call', async () => {
  const pool = new BedrockPool(connection.poolOptions);
  try {
    const index = await buildCorpusIndex(ragFlow, pool, connection.values, BEDROCK_NOTES.slice(0, 1));
    connection.emulator!.resetStats();
    const hot: FlowDefinition = { ...ragFlow, nodes: ragFlow.nodes.map((n) => (n.role === 'chat' ? { ...n, values: { ...n.values, temperature: 3 } } : n)) };
    expect(() => compileFlowGraph(hot, { pool, connection: connection.values, index })).toThrow(/temperature/);
    expect(connection.emulator!.stats().requests.total).toBe(0);
  } finally {
    await pool.close();
  }
});

test('flow definition errors name the field and what is allowed', async () => {
  const pool = new BedrockPool(connection.poolOptions);
  try {
    const index = await buildCorpusIndex(ragFlow, pool, connection.values, BEDROCK_NOTES.slice(0, 1));
    const host = { pool, connection: connection.values, index };
    const clash: FlowDefinition = { ...ragFlow, nodes: ragFlow.nodes.map((n) => (n.id === 'respond' ? { ...n, id: 'answer' } : n)), edges: [['__start__', 'retrieve'], ['retrieve', 'answer']] };
    expect(() => compileFlowGraph(clash, host)).toThrow(expect.objectContaining({ code: 'FLOW_DEFINITION_INVALID', field: 'node "answer".id' }));
    const dangling: FlowDefinition = { ...ragFlow, edges: [...ragFlow.edges, ['respond', 'nowhere']] };
    expect(() => compileFlowGraph(dangling, host)).toThrow(FlowDefinitionError);
    expect(() => compileFlowGraph(dangling, host)).toThrow('Flow definition: edges[3][1] names unknown node "nowhere"; allowed: __end__ or retrieve, respond');
  } finally {
    await pool.close();
  }
});

test('--real without any AWS credential source is a clear error, before any network call', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'no-aws-'));
  try {
    expect(findAwsCredentialSource({}, home)).toBeUndefined();
    expect(findAwsCredentialSource({ AWS_PROFILE: 'dev' }, home)).toBe('profile dev');
    expect(() => realConnection({ HOME: home, AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'), AWS_CONFIG_FILE: path.join(home, 'none') })).toThrow(MissingAwsCredentialsError);
    expect(realConnection({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'eu-west-1' }).label).toBe('Amazon Bedrock in eu-west-1 (credentials: environment keys)');
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

/** Runs the `start` script's command (tsx on src/main.ts) with `args`; resolves with its exit code and output. */
function runStart(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(EXAMPLE_DIR, '..', '..', 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(tsx, ['--tsconfig', 'tsconfig.run.json', 'src/main.ts', ...args], { cwd: EXAMPLE_DIR, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

test('the start script serves 3 requests against the emulator and prints the pool metrics', async () => {
  const { code, stdout } = await runStart(['--requests', '3'], process.env);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^bedrock-flow x LangGraph\.js: emulator at https:\/\/127\.0\.0\.1:\d+/);
  expect(stdout.match(/graph compiled again/g)).toHaveLength(3);
  expect(stdout).toContain('3 requests, 3 graph compilations, 1 client slot(s): 1 TLS handshake(s) (emulator saw 1), 1 connection(s).');
}, 60_000);

test('the start script with --real and no credentials exits 1 with the message', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'no-aws-'));
  try {
    const env = { PATH: process.env.PATH, HOME: home };
    const { code, stderr, stdout } = await runStart(['--real'], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('--real needs AWS credentials, and none were found');
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}, 60_000);
