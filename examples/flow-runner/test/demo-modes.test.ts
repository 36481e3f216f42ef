import { join } from 'node:path';
import { parseDemoArgs } from '../src/demo/demo-options';
import { MissingCredentialsError, realCredentialSource } from '../src/demo/real-credentials';
import { runDemo, type DemoOutcome } from '../src/demo/run-demo';
import type { ModeResult } from '../src/report/mode-result';

const flowsDir = join(__dirname, '..', '..', 'flows');
const RUNS = 3;
const DOCUMENTS = [
  'A new TLS 1.3 connection costs two network round trips before the first request can be sent.',
  'A credential_process profile runs an external program to fetch AWS credentials every time a new client resolves them.',
  'Adaptive retry mode slows a client down after throttling responses with a client-side rate limiter.',
  'Cross-region inference profiles such as us.anthropic.claude-3-5-haiku route requests to other regions of one geography.',
  'Titan embeddings take one text per call, while Cohere embed v3 takes up to 96 texts per call.',
];
const sum = (values: ReadonlyArray<number | null>): number => values.reduce<number>((a, b) => a + (b ?? Number.NaN), 0);

describe('the demo on retrieval.json against the emulator (TLS, 3 runs per mode, a new question each run)', () => {
  let outcome: DemoOutcome;
  const mode = (name: string): ModeResult => outcome.results.modes.find((m) => m.mode === name) as ModeResult;

  beforeAll(async () => {
    const options = parseDemoArgs(['--runs', String(RUNS), '--rtt-ms', '0'], { flowPath: join(flowsDir, 'retrieval.json'), resultsDir: 'unused', env: {} });
    outcome = await runDemo({ ...options, resultsDir: null }, { progress: { write: () => true }, log: () => undefined });
  }, 60_000);

  it('answers with the echo of the prompt built around the nearest document, the same in every mode', () => {
    const answers = Object.values(outcome.answers);
    expect(answers).toHaveLength(4);
    expect(new Set(answers).size).toBe(1);
    const match = /^Echo: Answer the question using only this document\.\n\nDocument: (.+)\n\nQuestion: How many texts per call does Cohere embed take\?$/.exec(answers[0] as string);
    expect(match).not.toBeNull();
    expect(DOCUMENTS).toContain(match?.[1]);
  });

  it('every run makes 3 model requests without the embedding cache: embed the documents (one Cohere call), embed the question, invoke the model', () => {
    for (const m of outcome.results.modes.filter((m) => m.mode !== 'bedrock-flow+cache')) expect(m.requestsPerRun).toEqual([3, 3, 3]);
  });

  it('bedrock-flow+cache: steady runs embed only the new question (2 requests), on the same 1 handshake', () => {
    const cached = mode('bedrock-flow+cache');
    expect(cached.requestsPerRun).toEqual([3, 2, 2]);
    expect(cached.tlsHandshakesPerRun).toEqual([1, 0, 0]);
    expect(outcome.embeddingCache).toMatchObject({ store: 'memory', requestsSaved: 2, entries: 5 + 3, storeErrors: 0 });
    const rows = Object.fromEntries(outcome.results.summary.map((row) => [row.mode, row]));
    expect(rows['bedrock-flow+cache']).toMatchObject({ requests: 7, steadyRequestsPerRun: 2 });
    expect(rows['bedrock-flow']).toMatchObject({ steadyRequestsPerRun: 3 });
  });

  it('naive: a TLS handshake and a connection per request, a credential_process per node per build', () => {
    const naive = mode('naive');
    expect(naive.tlsHandshakesPerRun).toEqual([3, 3, 3]);
    expect(naive.connectionsPerRun).toEqual([3, 3, 3]);
    // Two Bedrock nodes (embeddings, model), each with its own client and credential provider.
    expect(naive.credentialResolutionsPerRun).toEqual([2, 2, 2]);
  });

  it('seed: keep-alive inside a build, but a new handshake and credential resolution on every rebuild', () => {
    const seed = mode('seed');
    expect(seed.tlsHandshakesPerRun).toEqual([1, 1, 1]);
    expect(seed.connectionsPerRun).toEqual([1, 1, 1]);
    expect(seed.credentialResolutionsPerRun).toEqual([1, 1, 1]);
  });

  it('bedrock-flow: 1 TLS handshake, 1 connection and 1 credential resolution for the slot across all runs', () => {
    const pooled = mode('bedrock-flow');
    expect(pooled.tlsHandshakesPerRun).toEqual([1, 0, 0]);
    expect(pooled.connectionsPerRun).toEqual([1, 0, 0]);
    expect(pooled.credentialResolutionsPerRun).toEqual([1, 0, 0]);
    // The pool agrees; its kept-alive connection stayed open, so graphBuildStarted needed no warm-up ping.
    const totals = outcome.pool?.totals;
    expect(outcome.pool?.slots).toHaveLength(1);
    // One warm-up ping: the first build's acquire of the new slot warms it while the rest of the graph builds.
    expect(totals).toMatchObject({ connectionsOpened: 1, tlsHandshakes: 1, credentialResolutions: 1, warmUpRequests: 1, operations: 3 * RUNS });
  });

  it('summarizes the counts into the table', () => {
    const rows = Object.fromEntries(outcome.results.summary.map((row) => [row.mode, row]));
    expect(rows['naive']).toMatchObject({ tlsHandshakes: 9, connections: 9, credentialResolutions: 6, requests: 9 });
    expect(rows['bedrock-flow']).toMatchObject({ tlsHandshakes: 1, connections: 1, credentialResolutions: 1, requests: 9, ratioToBedrockFlow: 1 });
    expect(outcome.table.split('\n')).toHaveLength(7);
    expect(sum(mode('naive').tlsHandshakesPerRun)).toBe(9);
  });
});

describe('the demo on chat.json (Converse) against the emulator', () => {
  it('echoes the question in every mode; naive pays a handshake per build, bedrock-flow one in all', async () => {
    const options = parseDemoArgs(['--runs', '2', '--rtt-ms', '0'], { flowPath: join(flowsDir, 'chat.json'), resultsDir: 'unused', env: {} });
    const outcome = await runDemo({ ...options, resultsDir: null }, { progress: { write: () => true }, log: () => undefined });
    expect(Object.values(outcome.answers)).toEqual(Array(4).fill('Echo: What does a warm client save on each run?'));
    const byMode = Object.fromEntries(outcome.results.modes.map((m) => [m.mode, m]));
    expect(byMode['naive']).toMatchObject({ tlsHandshakesPerRun: [1, 1], credentialResolutionsPerRun: [1, 1], requestsPerRun: [1, 1] });
    expect(byMode['seed']).toMatchObject({ tlsHandshakesPerRun: [1, 1], credentialResolutionsPerRun: [1, 1] });
    expect(byMode['bedrock-flow']).toMatchObject({ tlsHandshakesPerRun: [1, 0], credentialResolutionsPerRun: [1, 0], requestsPerRun: [1, 1] });
  }, 60_000);
});

describe('--real', () => {
  it('names the variables to set when there are no credentials, before any network access', async () => {
    expect(() => realCredentialSource({})).toThrow(MissingCredentialsError);
    expect(() => realCredentialSource({ AWS_ACCESS_KEY_ID: 'AKIA' })).toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY .* AWS_PROFILE/);
    expect(realCredentialSource({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).toEqual({ kind: 'environment-keys' });
    expect(realCredentialSource({ AWS_PROFILE: 'dev' })).toEqual({ kind: 'profile', profile: 'dev' });

    const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE'] as const;
    const saved = names.map((name) => [name, process.env[name]] as const);
    for (const name of names) delete process.env[name];
    try {
      const options = parseDemoArgs(['--real', '--region', 'eu-west-1'], { flowPath: join(flowsDir, 'retrieval.json'), resultsDir: 'unused' });
      await expect(runDemo({ ...options, resultsDir: null }, { progress: { write: () => true }, log: () => undefined })).rejects.toMatchObject({
        code: 'DEMO_MISSING_CREDENTIALS',
      });
    } finally {
      for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    }
  });
});

describe('demo flags', () => {
  const defaults = { flowPath: 'f.json', resultsDir: 'out', env: {} };
  it('defaults to 20 runs, RTT 30 ms, all four modes and a new question per run', () => {
    expect(parseDemoArgs([], defaults)).toMatchObject({
      runs: 20,
      rttMs: 30,
      real: false,
      region: 'us-east-1',
      modes: ['naive', 'seed', 'bedrock-flow', 'bedrock-flow+cache'],
      sameQuestion: false,
    });
    expect(parseDemoArgs(['--same-question', '--modes', 'bedrock-flow+cache'], defaults)).toMatchObject({ sameQuestion: true, modes: ['bedrock-flow+cache'] });
  });
  it('reads every flag', () => {
    expect(
      parseDemoArgs(['--runs=5', '--rtt-ms', '0', '--real', '--region', 'eu-central-1', '--model', 'us.amazon.nova-lite-v1:0', '--embedding-model', 'amazon.titan-embed-text-v2:0', '--modes', 'seed,bedrock-flow'], defaults),
    ).toMatchObject({ runs: 5, rttMs: 0, real: true, region: 'eu-central-1', model: 'us.amazon.nova-lite-v1:0', embeddingModel: 'amazon.titan-embed-text-v2:0', modes: ['seed', 'bedrock-flow'] });
  });
  it('rejects bad values with the flag and what it accepts', () => {
    expect(() => parseDemoArgs(['--runs', '0'], defaults)).toThrow(expect.objectContaining({ code: 'DEMO_INVALID_OPTION', option: '--runs' }));
    expect(() => parseDemoArgs(['--rtt-ms', 'fast'], defaults)).toThrow(/--rtt-ms must be an integer from 0 to 10000/);
    expect(() => parseDemoArgs(['--modes', 'naive,cached'], defaults)).toThrow(/naive, seed, bedrock-flow/);
    expect(() => parseDemoArgs(['--region', 'moon-1'], defaults)).toThrow(/not an AWS region/);
    expect(() => parseDemoArgs(['--colour'], defaults)).toThrow(/Unknown flag --colour/);
  });
});
