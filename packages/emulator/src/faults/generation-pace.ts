import type { FaultConfig } from '../types';

/** The `generationPace` fault: how long generating an answer takes. */
export type GenerationPace = NonNullable<FaultConfig['generationPace']>;

/**
 * How long a non-streaming answer of `outputTokens` takes: `answerMs` when set (a fixed total, whatever the
 * length), else the tokens at `tokensPerSecond`.
 */
export function answerDurationMs(pace: GenerationPace, outputTokens: number): number {
  if (pace.answerMs !== undefined) return pace.answerMs;
  return pace.tokensPerSecond ? (outputTokens / pace.tokensPerSecond) * 1000 : 0;
}

/**
 * How long a streamed answer of `outputTokens` takes from its first frame to its last: the tokens at
 * `tokensPerSecond` when set (a stream's pace is its token rate), else `answerMs`.
 */
export function streamDurationMs(pace: GenerationPace, outputTokens: number): number {
  if (pace.tokensPerSecond) return (outputTokens / pace.tokensPerSecond) * 1000;
  return pace.answerMs ?? 0;
}

/**
 * When frame `index` (0-based) of `frames` leaves, in ms after the first: evenly spread so the last leaves
 * at `totalMs`. A live answer sends something at every step instead of one burst at the end.
 */
export function frameOffsetMs(totalMs: number, index: number, frames: number): number {
  if (frames <= 1) return 0;
  return (totalMs * index) / (frames - 1);
}
