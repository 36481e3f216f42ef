import { ConverseCommand, ConverseStreamCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockPool, type BedrockPoolOptions, type ClientConfig } from '../../src';

/** Model id used by the tests. */
export const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Starts a TLS emulator and a pool trusting its CA and allowing its endpoint (`endpointPolicy.allowedHosts`). */
export async function startPoolAndEmulator(
  poolOptions: BedrockPoolOptions = {},
  emulatorOptions: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; pool: BedrockPool; config: ClientConfig }> {
  const emulator = await startEmulator({ tls: true, ...emulatorOptions });
  // The operator's setting for a local emulator: its host:port trusted with host credentials (profiles, unmarked keys).
  const endpointPolicy = { ...poolOptions.endpointPolicy, allowedHosts: [new URL(emulator.url).host, ...(poolOptions.endpointPolicy?.allowedHosts ?? [])] };
  const pool = new BedrockPool({ ...poolOptions, endpointPolicy, defaults: { tls: { ca: emulator.ca }, ...poolOptions.defaults } });
  const config: ClientConfig = {
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { kind: 'static', ...TEST_CREDENTIALS },
  };
  return { emulator, pool, config };
}

/** What {@link usePoolAndEmulator} hands to the suite: the emulator, the pool and a config pointing at the emulator. */
export interface PoolAndEmulator {
  emulator: RunningEmulator;
  pool: BedrockPool;
  config: ClientConfig;
}

/** Options of {@link usePoolAndEmulator}. */
export interface PoolSuiteOptions {
  /** Start before each test (`each`), once before all (`all`), or when a test calls `start()` (`manual`). Default `manual`. */
  start?: 'each' | 'all' | 'manual';
  /** How the teardown stops the pool: `close()` (drains) or `destroy()`. Default `close`. */
  stop?: 'close' | 'destroy';
}

/**
 * Registers a suite's setup and teardown around {@link startPoolAndEmulator}: every pool and emulator started is
 * stopped after each test (after all for `start: 'all'`). Hands each started trio to `onStarted`; returns `start`
 * for tests that need their own pool or emulator options.
 */
export function usePoolAndEmulator(
  options: PoolSuiteOptions,
  onStarted: (started: PoolAndEmulator) => void,
): (poolOptions?: BedrockPoolOptions, emulatorOptions?: EmulatorOptions) => Promise<void> {
  const running: PoolAndEmulator[] = [];
  const start = async (poolOptions: BedrockPoolOptions = {}, emulatorOptions: EmulatorOptions = {}): Promise<void> => {
    const started = await startPoolAndEmulator(poolOptions, emulatorOptions);
    running.push(started);
    onStarted(started);
  };
  const stopAll = async (): Promise<void> => {
    for (const { pool, emulator } of running.splice(0)) {
      await (options.stop === 'destroy' ? pool.destroy() : pool.close());
      await emulator.close();
    }
  };
  if (options.start === 'all') {
    beforeAll(() => start());
    afterAll(stopAll);
  } else {
    if (options.start === 'each') beforeEach(() => start());
    afterEach(stopAll);
  }
  return start;
}

/** One Converse call; returns the reply text. */
export async function converse(client: BedrockRuntimeClient, text = 'hello'): Promise<string> {
  const output = await client.send(
    new ConverseCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text }] }] }),
  );
  return output.output?.message?.content?.map((block) => block.text ?? '').join('') ?? '';
}

/** Starts a ConverseStream call and returns its event iterator. */
export async function converseStream(client: BedrockRuntimeClient, text = 'hello') {
  const output = await client.send(
    new ConverseStreamCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text }] }] }),
  );
  if (!output.stream) throw new Error('ConverseStream returned no stream');
  return output.stream;
}

/** Polls `predicate` (every 10 ms, at most `maxPolls` times); the test then asserts on the outcome. */
export async function waitFor(predicate: () => boolean, maxPolls = 500): Promise<boolean> {
  for (let poll = 0; poll < maxPolls; poll += 1) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return predicate();
}
