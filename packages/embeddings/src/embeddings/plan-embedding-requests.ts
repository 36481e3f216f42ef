/** One InvokeModel request: the texts it carries and where they start in the caller's list. */
export interface EmbeddingRequestPlan {
  /** Index of `texts[0]` in the caller's list. */
  start: number;
  /** Texts of this request, in order. */
  texts: string[];
}

/** Splits `texts` into consecutive requests of at most `perRequest` texts, keeping order. */
export function planEmbeddingRequests(texts: readonly string[], perRequest: number): EmbeddingRequestPlan[] {
  const plans: EmbeddingRequestPlan[] = [];
  for (let start = 0; start < texts.length; start += perRequest) {
    plans.push({ start, texts: texts.slice(start, start + perRequest) });
  }
  return plans;
}
