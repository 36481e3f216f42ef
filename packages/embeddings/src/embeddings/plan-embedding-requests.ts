/** One InvokeModel request: the texts it carries, where they sit in this call's list and in the caller's list. */
export interface EmbeddingRequestPlan {
  /** Index of `texts[0]` in the list being sent: where this request's vectors go in the result. */
  start: number;
  /** Texts of this request, in order. */
  texts: string[];
  /**
   * Index in the caller's list of each text, in order. The same as `start, start + 1, …` unless only some of the
   * caller's texts are sent (the others came from the cache): then `[0, 4, 5]` for a batch of texts 0, 4 and 5.
   */
  indexes: number[];
}

/**
 * Splits `texts` into consecutive requests of at most `perRequest` texts, keeping order. `callerIndexes[i]` is the
 * caller's index of `texts[i]` (default `i`), so that an error names exactly the texts of the request that failed.
 */
export function planEmbeddingRequests(texts: readonly string[], perRequest: number, callerIndexes?: readonly number[]): EmbeddingRequestPlan[] {
  const plans: EmbeddingRequestPlan[] = [];
  for (let start = 0; start < texts.length; start += perRequest) {
    const chunk = texts.slice(start, start + perRequest);
    const indexes = chunk.map((_, offset) => callerIndexes?.[start + offset] ?? start + offset);
    plans.push({ start, texts: chunk, indexes });
  }
  return plans;
}
