/**
 * How scenario 8 (long generations and silent drops) runs. Times are scaled where only a ratio matters: a 70 s answer
 * against the seed's 60 s read timeout behaves as a 7 s answer against a 6 s timeout (answer longer than the bound,
 * three attempts), so the seed row runs at `seedScale` and its figures are also shown multiplied back.
 */
export interface LongGenerationPlan {
  /** The real-world answer time modelled, ms (the 70 s Converse answer). */
  answerMs: number;
  /** The seed's boto3 `read_timeout`, ms (60 s), and its attempts (`max_attempts: 3`). */
  seedReadTimeoutMs: number;
  seedMaxAttempts: number;
  /** Factor applied to the seed row's answer time and read timeout (their ratio stays 70:60). */
  seedScale: number;
  /**
   * Factor applied to the answer time of the stock and bedrock-flow rows, which run with their real settings (stock
   * has no timeout, bedrock-flow waits 15 min for a non-streaming generation): `1` faces them with the real 70 s answer.
   */
  unboundedRowsAnswerScale: number;
  /** Longest the silent-drop call is given before the bench aborts it and reports "not detected", ms. */
  dropCapMs: number;
}

/** Full run: stock and bedrock-flow face the real 70 s answer; the seed the 7 s / 6 s scale; drops capped at 90 s. */
export const LONG_GENERATION_FULL: LongGenerationPlan = {
  answerMs: 70_000,
  seedReadTimeoutMs: 60_000,
  seedMaxAttempts: 3,
  seedScale: 0.1,
  unboundedRowsAnswerScale: 1,
  dropCapMs: 90_000,
};

/** Quick run: every answer scaled to 7 s (stock and bedrock-flow keep their real settings); drops capped at 20 s. */
export const LONG_GENERATION_QUICK: LongGenerationPlan = {
  ...LONG_GENERATION_FULL,
  unboundedRowsAnswerScale: 0.1,
  dropCapMs: 20_000,
};
