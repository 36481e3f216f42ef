import type { ConverseCommandInput, ConverseStreamCommandInput } from '@aws-sdk/client-bedrock-runtime';

/** Model every row calls (the emulator's echo model answers `Echo: <prompt>`). */
export const BENCH_MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Region every row uses. */
export const BENCH_REGION = 'us-east-1';

/** The user prompt; ten words so a stream has a dozen token frames. */
export const BENCH_PROMPT = 'one two three four five six seven eight nine ten';

/** The Converse input every SDK row sends. */
export function converseInput(): ConverseCommandInput & ConverseStreamCommandInput {
  return {
    modelId: BENCH_MODEL_ID,
    messages: [{ role: 'user', content: [{ text: BENCH_PROMPT }] }],
    inferenceConfig: { maxTokens: 256 },
  };
}

/** The same request as JSON bytes, for the raw limit row. */
export const CONVERSE_BODY = JSON.stringify({
  messages: [{ role: 'user', content: [{ text: BENCH_PROMPT }] }],
  inferenceConfig: { maxTokens: 256 },
});

/** Raw path of an operation for {@link BENCH_MODEL_ID} (the model id is one percent-encoded segment). */
export function modelPath(operation: 'converse' | 'converse-stream'): string {
  return `/model/${encodeURIComponent(BENCH_MODEL_ID)}/${operation}`;
}
