import { ConverseCommand, ConverseStreamCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, TEST_CREDENTIALS, type EmulatorOptions, type RunningEmulator } from '@bedrock-flow/emulator';
import { BedrockPool, type BedrockPoolOptions, type ClientConfig } from '../../src';

/** Model id used by the tests. */
export const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Starts a TLS emulator and a pool trusting its CA. */
export async function startPoolAndEmulator(
  poolOptions: BedrockPoolOptions = {},
  emulatorOptions: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; pool: BedrockPool; config: ClientConfig }> {
  const emulator = await startEmulator({ tls: true, ...emulatorOptions });
  const pool = new BedrockPool({ ...poolOptions, defaults: { tls: { ca: emulator.ca }, ...poolOptions.defaults } });
  const config: ClientConfig = {
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { kind: 'static', ...TEST_CREDENTIALS },
  };
  return { emulator, pool, config };
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
