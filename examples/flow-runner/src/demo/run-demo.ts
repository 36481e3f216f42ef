import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { endpointPolicyFromEnv, type BedrockPool, type PoolMetricsSnapshot } from '@bedrock-flow/bedrock-pool';
import { startEmulator, TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { embeddingCacheMetrics, type EmbeddingCacheMetricsSnapshot } from '@bedrock-flow/embeddings';
import { createBedrockRegistry } from '../components/bedrock-registry';
import { LOCAL_COMPONENTS } from '../components/local-components';
import type { ConnectionCounter } from '../counting/connection-counts';
import { emulatorCounter } from '../counting/emulator-counter';
import { processSocketCounter } from '../counting/process-socket-counter';
import { createCredentialProcessProfiles, type CredentialProcessProfiles } from '../credentials/credential-process-profile';
import { parseFlow } from '../flow/parse-flow';
import type { FlowTweaks } from '../host/flow-host';
import type { ClientMode } from '../modes/client-mode';
import { createModes } from '../modes/create-modes';
import { ProgressLine, type ProgressTarget } from '../progress/progress-line';
import { formatTable } from '../report/format-table';
import type { ModeName, ModeResult } from '../report/mode-result';
import { summarizeModes } from '../report/summarize-modes';
import { writeResults, type DemoResults, type WrittenResults } from '../report/write-results';
import type { DemoOptions } from './demo-options';
import { realCredentialSource } from './real-credentials';

/** Where the demo writes: progress to a (possibly TTY) stream, everything else line by line. */
export interface DemoIo {
  progress: ProgressTarget;
  log(line: string): void;
}

/** What {@link runDemo} returns. */
export interface DemoOutcome {
  results: DemoResults;
  /** The printed table. */
  table: string;
  /** The flow's answer per mode (first run), to check the modes agree. */
  answers: Record<string, string>;
  /** Files written; absent when `resultsDir` is `null`. */
  written?: WrittenResults;
  /** bedrock-flow's own view of its pool after the runs (absent when that mode did not run). */
  pool?: PoolMetricsSnapshot;
  /** The process's embedding cache after the runs (absent when `bedrock-flow+cache` did not run). */
  embeddingCache?: EmbeddingCacheMetricsSnapshot;
}

/**
 * Questions of runs 2..N: a new question every run, as users ask, so a run's query embedding is new
 * work while the documents' embeddings are not. Run 1 asks the flow's own question.
 */
export const FOLLOW_UP_QUESTIONS = [
  'What does a new TLS connection cost before the first request?',
  'What runs every time a credential_process client resolves credentials?',
  'What slows a client down after throttling?',
  'Where do cross-region inference profiles route requests?',
  'How many texts does Titan embed per call?',
] as const;

/** The question of run `run` (0-based): the flow's own for run 0 (`undefined`), then a new one each run. */
export function questionOfRun(run: number): string | undefined {
  if (run === 0) return undefined;
  return `${FOLLOW_UP_QUESTIONS[(run - 1) % FOLLOW_UP_QUESTIONS.length]} (run ${run + 1})`;
}

/** A credential_process profile label for a mode (`+` is not for file and profile names). */
const profileLabel = (mode: ModeName): string => mode.replace('+', '-');

const BEDROCK_TYPES = ['AmazonBedrockConverseModel', 'AmazonBedrockModel', 'AmazonBedrockEmbeddings'] as const;

/**
 * The demo: starts the emulator with TLS behind the latency proxy (or, with `real`, targets real
 * Bedrock), then runs the flow `runs` times in every mode, rebuilding the graph from JSON before each
 * run, runs of the modes interleaved (rotating which goes first) so drift hits all alike. Counts per
 * run: latency, TLS handshakes, connections, model requests and credential_process invocations.
 * Prints a table; writes JSON + SVG (+ PNG) unless `resultsDir` is `null`.
 */
export async function runDemo(options: Omit<DemoOptions, 'resultsDir'> & { resultsDir: string | null }, io: DemoIo): Promise<DemoOutcome> {
  // Fail on missing credentials before starting anything.
  const realSource = options.real ? realCredentialSource() : undefined;
  const flowText = await readFile(options.flowPath, 'utf8');
  const flowName = basename(options.flowPath, '.json');
  parseFlow(flowText, flowName);

  const labels: ModeName[] = options.modes;
  const restoreEnv = saveEnv(['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']);
  let emulator: RunningEmulator | undefined;
  let profiles: CredentialProcessProfiles | undefined;
  let counter: ConnectionCounter | undefined;
  const modes: ClientMode[] = [];
  try {
    if (!options.real) {
      emulator = await startEmulator({ tls: true, rttMs: options.rttMs });
      io.log(`emulator: ${emulator.url} (TLS, h2 + http/1.1; latency proxy RTT ${options.rttMs} ms)`);
    } else {
      io.log(`real Bedrock: region ${options.region}`);
    }
    // Every mode resolves credentials through its own counting credential_process profile,
    // except --real with AWS_PROFILE, where the user's profile is used as is.
    const countable = !options.real || realSource?.kind === 'environment-keys';
    if (countable) {
      profiles = await createCredentialProcessProfiles(labels.map(profileLabel), options.real ? undefined : { ...TEST_CREDENTIALS });
      process.env['AWS_CONFIG_FILE'] = profiles.configFile;
      process.env['AWS_SHARED_CREDENTIALS_FILE'] = profiles.credentialsFile;
    }
    const profileOf = (mode: ModeName): string =>
      profiles ? profiles.profile(profileLabel(mode)) : (realSource as { kind: 'profile'; profile: string }).profile;
    // The operator's endpoint policy (BEDROCK_FLOW_ALLOWED_ENDPOINTS, …), e.g. for --real through a corporate gateway.
    // The demo also operates its emulator: it allows that host:port for the credential_process profiles (host
    // credentials, which reach loopback only when allowed), as `BEDROCK_FLOW_ALLOWED_ENDPOINTS=<emulator>` would.
    const fromEnv = endpointPolicyFromEnv(process.env);
    const endpointPolicy = emulator ? { ...fromEnv, allowedHosts: [new URL(emulator.url).host, ...(fromEnv.allowedHosts ?? [])] } : fromEnv;
    modes.push(
      ...createModes(
        { registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, ...(emulator?.ca ? { ca: emulator.ca } : {}), env: false, endpointPolicy },
        labels,
      ),
    );
    counter = emulator ? emulatorCounter(emulator) : processSocketCounter();

    const results = new Map<ModeName, ModeResult>(
      modes.map((mode) => [
        mode.name,
        { mode: mode.name, description: mode.description, latenciesMs: [], tlsHandshakesPerRun: [], connectionsPerRun: [], credentialResolutionsPerRun: [], requestsPerRun: [] },
      ]),
    );
    const answers: Record<string, string> = {};
    const progress = new ProgressLine(io.progress, labels, options.runs);
    for (let run = 0; run < options.runs; run += 1) {
      const rotated = [...modes.slice(run % modes.length), ...modes.slice(0, run % modes.length)];
      for (const mode of rotated) {
        const tweaks = tweaksFor(options, profileOf(mode.name), emulator?.url, mode.cacheEmbeddings, options.sameQuestion ? undefined : questionOfRun(run));
        const before = counter.read();
        const credentialsBefore = profiles ? await profiles.invocations(profileLabel(mode.name)) : null;
        const started = performance.now();
        // The host's job on every run: rebuild the graph from the saved JSON, then build and run it.
        const result = await mode.run(parseFlow(flowText, flowName), tweaks);
        const elapsed = performance.now() - started;
        await mode.dropGraph();
        const after = counter.read();
        const r = results.get(mode.name) as ModeResult;
        r.latenciesMs.push(round(elapsed));
        r.tlsHandshakesPerRun.push(after.tlsHandshakes - before.tlsHandshakes);
        r.connectionsPerRun.push(after.connections - before.connections);
        r.requestsPerRun.push(after.requests === null || before.requests === null ? null : after.requests - before.requests);
        r.credentialResolutionsPerRun.push(profiles && credentialsBefore !== null ? (await profiles.invocations(profileLabel(mode.name))) - credentialsBefore : null);
        answers[mode.name] ??= result.text;
        progress.tick(mode.name);
      }
    }
    progress.finish();

    const ordered = labels.map((label) => results.get(label) as ModeResult);
    const summary = summarizeModes(ordered);
    const table = formatTable(summary, options.runs);
    const demoResults: DemoResults = {
      finishedAt: new Date().toISOString(),
      target: options.real ? 'real' : 'emulator',
      flow: flowName,
      runs: options.runs,
      rttMs: options.real ? null : options.rttMs,
      node: process.version,
      modes: ordered,
      summary,
    };
    const outcome: DemoOutcome = { results: demoResults, table, answers };
    const pooled = modes.find((mode) => mode.name === 'bedrock-flow') as (ClientMode & { pool?: BedrockPool }) | undefined;
    if (pooled?.pool) outcome.pool = pooled.pool.metrics();
    if (labels.includes('bedrock-flow+cache')) outcome.embeddingCache = embeddingCacheMetrics();
    if (options.resultsDir !== null) outcome.written = await writeResults(options.resultsDir, demoResults);
    return outcome;
  } finally {
    counter?.stop();
    for (const mode of modes) await mode.close();
    await emulator?.close();
    await profiles?.dispose();
    restoreEnv();
  }
}

/** Per-mode values over the flow's: the mode's profile and cache switch, the run's question, and the target's endpoint, region and models. */
function tweaksFor(
  options: Pick<DemoOptions, 'region' | 'real' | 'model' | 'embeddingModel'>,
  profile: string,
  endpoint: string | undefined,
  cacheEmbeddings: boolean,
  question: string | undefined,
): FlowTweaks {
  const tweaks: Record<string, Record<string, unknown>> = {};
  for (const type of BEDROCK_TYPES) {
    const model = type === 'AmazonBedrockEmbeddings' ? options.embeddingModel : options.model;
    tweaks[type] = {
      credentials_profile_name: profile,
      region_name: options.region,
      ...(endpoint ? { endpoint_url: endpoint } : {}),
      ...(options.real && model ? { model_id: model } : {}),
      ...(type === 'AmazonBedrockEmbeddings' ? { cache_embeddings: cacheEmbeddings } : {}),
    };
  }
  if (question !== undefined) tweaks['ChatInput'] = { input_value: question };
  return tweaks;
}

function saveEnv(names: readonly string[]): () => void {
  const saved = names.map((name) => [name, process.env[name]] as const);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
