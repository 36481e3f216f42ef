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
  const { stdout } = await run(TSX, ['--tsconfig', TSCONFIG, WORKER], {
    cwd: ROOT,
    timeout: 60_000,
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      BEDROCK_FLOW_EMBEDDING_CACHE_REDIS_URL: (redis as RunningRedis).url,
      BEDROCK_FLOW_CACHE_SECRET: 'two-processes-operator-secret-0001',
      EMULATOR_URL: emu.url,
      EMULATOR_CA_FILE: path.join(dir, 'ca.pem'),
      EMBED_TEXTS: JSON.stringify(texts),
    },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as WorkerResult;
}

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

if (skipReason !== undefined) {
  test.skip(`two-process Redis test skipped (BEDROCK_FLOW_SKIP_REDIS=1): ${skipReason}`, () => undefined);
}
