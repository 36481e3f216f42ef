/*
 * Cohere Embed v4 on Bedrock (InvokeModel), from "Cohere Embed v4" in the Amazon Bedrock user guide,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v4.html :
 * request `{input_type, texts[≤96], embedding_types[float|int8|uint8|binary|ubinary], output_dimension
 * 256|512|1024|1536, max_tokens (≤128000), truncate NONE|LEFT|RIGHT}`; response
 * `{id, response_type: "embeddings_by_type", embeddings: {float: [[…]], …}, texts}` (v3's `embeddings_floats`
 * shape, a plain list, when `embedding_types` is absent).
 */
import type { CohereInputType, CohereTruncate } from './cohere-body';
import { parseCohereResponse } from './cohere-body';

/** Options of the Cohere v4 body. */
export interface CohereV4BodyOptions {
  /** `output_dimension`: 256, 512, 1024 or 1536. */
  dimensions: number;
  /** bedrock-flow's truncate vocabulary, mapped to v4's: `START` -> `LEFT`, `END` -> `RIGHT`, `NONE` -> `NONE`. */
  truncate: CohereTruncate;
  /** `max_tokens`: tokens per text before truncation (or the error, with `NONE`). Default unset (Bedrock: 128,000). */
  maxTokens?: number;
}

/** v4's names for the truncated side. */
const V4_TRUNCATE: Readonly<Record<CohereTruncate, 'NONE' | 'LEFT' | 'RIGHT'>> = { NONE: 'NONE', START: 'LEFT', END: 'RIGHT' };

/** InvokeModel body of Cohere Embed v4 for text input, asking for float vectors (what LangChain `Embeddings` return). */
export function buildCohereV4Body(texts: readonly string[], inputType: CohereInputType, options: CohereV4BodyOptions): string {
  const body: Record<string, unknown> = {
    texts,
    input_type: inputType,
    embedding_types: ['float'],
    output_dimension: options.dimensions,
    truncate: V4_TRUNCATE[options.truncate],
  };
  if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
  return JSON.stringify(body);
}

/** The float vectors of a Cohere v4 response (`embeddings.float`, or a plain list), or a reason they are not. */
export function parseCohereV4Response(json: unknown, expectedCount: number): number[][] | string {
  return parseCohereResponse(json, expectedCount);
}
