/**
 * Two worker processes (tsx child processes, each with its own BedrockPool and default embedding
 * cache) sharing one real `redis-server`: between them every document is embedded once. Requests are
 * counted by the emulator, which runs in this process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '@bedrock-flow/emulator';
import { redisUnavailable, startRedisServer, type RunningRedis } from '../support/redis-server';

const run = promisify(execFile);
const skipReason = redisUnavailable();
const testRedis = skipReason === undefined ? test : test.skip;

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const WORKER = path.join(__dirname, 'worker', 'embed-worker.ts');
const TSCONFIG = path.join(__dirname, 'worker', 'tsconfig.worker.json');

let emu: RunningEmulator;
let redis: RunningRedis | undefined;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ tls: true });
  if (skipReason === undefined) redis = await startRedisServer();
  dir = mkdtempSync(path.join(tmpdir(), 'bedrock-flow-two-processes-'));
  writeFileSync(path.join(dir, 'ca.pem'), emu.ca as string);
});
afterAll(async () => {
  await redis?.stop();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

interface WorkerResult {
  vectors: number;
  dimensions: number;
  stats: { hits: number; misses: number; requestsSaved: number; store: string };
}

async function worker(texts: string[]): Promise<WorkerResult> {
  return (await workerRun(texts)).result;
}

/** Runs one worker process; `redisUrl` defaults to the test's server. */
async function workerRun(texts: string[], redisUrl = (redis as RunningRedis).url): Promise<{ result: WorkerResult; stderr: string }> {
  const { stdout, stderr } = await run(TSX, ['--tsconfig', TSCONFIG, WORKER], {
    cwd: ROOT,
    timeout: 60_000,
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL: redisUrl,
      BEDROCK_FLOW_CACHE_SECRET: 'two-processes-operator-secret-0001',
      EMULATOR_URL: emu.url,
      EMULATOR_CA_FILE: path.join(dir, 'ca.pem'),
      EMBED_TEXTS: JSON.stringify(texts),
    },
  });
  return { result: JSON.parse(stdout.trim().split('\n').at(-1) as string) as WorkerResult, stderr };
}

/** The outage warnings a worker logged (the store warns on `console`, so on stderr). */
const outageWarnings = (stderr: string): string[] => stderr.split('\n').filter((line) => /embedding cache: Redis at .* unavailable/.test(line));

const docs = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `shared document ${from + i}`);

testRedis('two processes sharing Redis embed each document once between them', async () => {
  // Worker 1 embeds documents 0..119; worker 2 documents 60..179: 60 of them already in Redis.
  const first = await worker(docs(0, 120));
  expect(first).toMatchObject({ vectors: 120, dimensions: 1024, stats: { store: 'redis', hits: 0, misses: 120 } });
  const second = await worker(docs(60, 180));
  expect(second).toMatchObject({ vectors: 120, stats: { store: 'redis', hits: 60, misses: 60, requestsSaved: 1 } });
  const texts = emu.requests().flatMap((r) => (r.body as { texts: string[] }).texts);
  expect(texts).toHaveLength(180);
  expect(new Set(texts).size).toBe(180);
  // Cohere: 96 + 24 for the first worker, 60 in one request for the second.
  expect(emu.requests().map((r) => (r.body as { texts: string[] }).texts.length)).toEqual([96, 24, 60]);
}, 120_000);

testRedis('a new process on a Redis another process filled embeds the same documents with 0 requests on its first call, with no warning', async () => {
  emu.resetStats();
  const texts = docs(1000, 1050);
  const filler = await workerRun(texts);
  expect(filler.result).toMatchObject({ vectors: 50, stats: { store: 'redis', hits: 0, misses: 50 } });
  const sentByFiller = emu.stats().requests.total;
  expect(sentByFiller).toBe(1);
  // A new process embeds at once, while its Redis client is still connecting: a start, not an outage.
  const fresh = await workerRun(texts);
  expect(fresh.result).toMatchObject({ vectors: 50, stats: { store: 'redis', hits: 50, misses: 0 } });
  expect(emu.stats().requests.total - sentByFiller).toBe(0);
  expect(outageWarnings(filler.stderr)).toEqual([]);
  expect(outageWarnings(fresh.stderr)).toEqual([]);
}, 120_000);

testRedis('a new process on a Redis that is really down warns once and still embeds through Bedrock', async () => {
  // A server started then killed: its port refuses connections.
  const dead = await startRedisServer();
  await dead.kill();
  try {
    emu.resetStats();
    const { result, stderr } = await workerRun(docs(2000, 2050), dead.url);
    expect(result).toMatchObject({ vectors: 50, stats: { store: 'redis', hits: 0, misses: 50 } });
    expect(emu.stats().requests.total).toBe(1);
    const warnings = outageWarnings(stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ECONNREFUSED/);
  } finally {
    await dead.stop();
  }
}, 120_000);

if (skipReason !== undefined) {
  test.skip(`two-process Redis test skipped (BEDROCK_FLOW_SKIP_REDIS=1): ${skipReason}`, () => undefined);
}
