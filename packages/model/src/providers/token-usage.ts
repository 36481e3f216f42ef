import { asNumber, asObject } from './json-object';
import type { StreamState, TokenUsage } from './provider-adapter';

/** Token usage from two counts; `undefined` when neither is known (a missing one counts 0). */
export function tokenUsage(input: number | undefined, output: number | undefined): TokenUsage | undefined {
  if (input === undefined && output === undefined) return undefined;
  return { inputTokens: input ?? 0, outputTokens: output ?? 0 };
}

/** Token usage read from `value[inputKey]` and `value[outputKey]` (e.g. `prompt_tokens` / `completion_tokens`). */
export function tokenUsageOf(value: unknown, inputKey: string, outputKey: string): TokenUsage | undefined {
  const u = asObject(value);
  return tokenUsage(asNumber(u[inputKey]), asNumber(u[outputKey]));
}

/**
 * Usage of a stream chunk for families that send cumulative counts on every chunk: reported once, on the chunk with
 * the stop reason (earlier chunks give none, so merged chunks do not add counts up).
 */
export function usageAtStop(stopReason: string | undefined, input: number | undefined, output: number | undefined): TokenUsage | undefined {
  return stopReason === undefined ? undefined : tokenUsage(input, output);
}

/**
 * Usage of a stream chunk for families whose input count comes once (on the first chunk, remembered in `state`) and
 * whose output count is cumulative (Meta Llama, Titan Text): both reported once, on the chunk with the stop reason.
 */
export function cumulativeStreamUsage(
  state: StreamState,
  chunkInputCount: unknown,
  chunkOutputCount: unknown,
  stopReason: string | undefined,
): TokenUsage | undefined {
  if (asNumber(chunkInputCount) !== undefined) state.inputTokens = chunkInputCount;
  return usageAtStop(stopReason, asNumber(state.inputTokens), asNumber(chunkOutputCount));
}
