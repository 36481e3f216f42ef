/** Cohere `input_type`: documents are embedded as `search_document`, queries as `search_query`. */
export type CohereInputType = 'search_document' | 'search_query';

/** Cohere `truncate`: `NONE` (Bedrock's default) fails on over-long input, `START`/`END` drop that end. */
export type CohereTruncate = 'NONE' | 'START' | 'END';

/** InvokeModel body of Cohere Embed v3: `{texts, input_type, truncate}`. */
export function buildCohereBody(texts: readonly string[], inputType: CohereInputType, truncate: CohereTruncate): string {
  return JSON.stringify({ texts, input_type: inputType, truncate });
}

/**
 * The vectors of a Cohere response `{embeddings: number[][], id, response_type, texts}` (or the
 * `embeddings: {float: …}` shape returned when `embedding_types` is set), or a reason they are not.
 */
export function parseCohereResponse(json: unknown, expectedCount: number): number[][] | string {
  let embeddings = (json as { embeddings?: unknown } | null)?.embeddings;
  if (embeddings !== null && typeof embeddings === 'object' && !Array.isArray(embeddings)) {
    embeddings = (embeddings as { float?: unknown }).float;
  }
  if (!Array.isArray(embeddings)) return 'no "embeddings" array';
  if (embeddings.length !== expectedCount) {
    return `${embeddings.length} vectors for ${expectedCount} texts`;
  }
  for (const vector of embeddings) {
    if (!Array.isArray(vector) || !vector.every((x) => typeof x === 'number')) return '"embeddings" holds a non-vector';
  }
  return embeddings as number[][];
}
