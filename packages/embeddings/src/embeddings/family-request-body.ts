import { buildCohereBody, parseCohereResponse, type CohereInputType, type CohereTruncate } from './cohere-body';
import { buildCohereV4Body, parseCohereV4Response } from './cohere-v4-body';
import type { EmbeddingModelFamily } from './embedding-model-family';
import { buildNovaMultimodalBody, parseNovaMultimodalResponse } from './nova-multimodal-body';
import { buildTitanBody, parseTitanResponse } from './titan-body';
import { buildTitanMultimodalBody, parseTitanMultimodalResponse } from './titan-multimodal-body';

/** The resolved per-family parameters a request body is built from (see `BedrockBatchedEmbeddings`). */
export interface FamilyBodyParameters {
  family: EmbeddingModelFamily;
  /** Vector size asked for (ignored by the fixed-size families). */
  dimensions: number;
  /** Titan v2 only. */
  normalize: boolean | undefined;
  /** Cohere v3/v4 and Nova only. */
  truncate: CohereTruncate | undefined;
  /** Cohere v4 only: `max_tokens`. */
  maxTokens: number | undefined;
}

/** The InvokeModel body for `texts` (one text except for Cohere) in the family's own shape. */
export function buildFamilyBody(params: FamilyBodyParameters, texts: readonly string[], inputType: CohereInputType): string {
  const truncate = params.truncate ?? 'NONE';
  switch (params.family) {
    case 'cohere-v3':
      return buildCohereBody(texts, inputType, truncate);
    case 'cohere-v4':
      return buildCohereV4Body(texts, inputType, { dimensions: params.dimensions, truncate, ...(params.maxTokens !== undefined ? { maxTokens: params.maxTokens } : {}) });
    case 'titan-multimodal':
      return buildTitanMultimodalBody(texts[0] as string, params.dimensions);
    case 'nova-multimodal':
      return buildNovaMultimodalBody(texts[0] as string, inputType, params.dimensions, truncate);
    case 'titan-v2':
      return buildTitanBody(texts[0] as string, { dimensions: params.dimensions, normalize: params.normalize });
    case 'titan-v1':
      return buildTitanBody(texts[0] as string, {});
  }
}

/** The vectors of a response body in the family's shape (one per text sent), or a reason they are not. */
export function parseFamilyResponse(family: EmbeddingModelFamily, json: unknown, expectedCount: number): number[][] | string {
  switch (family) {
    case 'cohere-v3':
      return parseCohereResponse(json, expectedCount);
    case 'cohere-v4':
      return parseCohereV4Response(json, expectedCount);
    case 'titan-multimodal':
      return wrapVector(parseTitanMultimodalResponse(json));
    case 'nova-multimodal':
      return wrapVector(parseNovaMultimodalResponse(json));
    case 'titan-v1':
    case 'titan-v2':
      return wrapVector(parseTitanResponse(json));
  }
}

function wrapVector(vector: number[] | string): number[][] | string {
  return typeof vector === 'string' ? vector : [vector];
}
