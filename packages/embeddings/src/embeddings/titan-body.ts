/** Options of the Titan v2 body; both absent for Titan v1. */
export interface TitanBodyOptions {
  /** Titan v2 only: 256, 512 or 1024. */
  dimensions?: number;
  /** Titan v2 only: unit-normalise the vector. */
  normalize?: boolean;
}

/** InvokeModel body of Titan Text Embeddings: `{inputText}` (v1), `{inputText, dimensions, normalize}` (v2). */
export function buildTitanBody(text: string, options: TitanBodyOptions): string {
  const body: Record<string, unknown> = { inputText: text };
  if (options.dimensions !== undefined) body.dimensions = options.dimensions;
  if (options.normalize !== undefined) body.normalize = options.normalize;
  return JSON.stringify(body);
}

/** The vector of a Titan response `{embedding, inputTextTokenCount}`, or a reason it is not one. */
export function parseTitanResponse(json: unknown): number[] | string {
  const embedding = (json as { embedding?: unknown } | null)?.embedding;
  if (!Array.isArray(embedding)) return 'no "embedding" array';
  if (!embedding.every((x) => typeof x === 'number')) return '"embedding" holds non-numbers';
  return embedding as number[];
}
