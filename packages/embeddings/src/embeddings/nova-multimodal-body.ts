/*
 * Amazon Nova Multimodal Embeddings (`amazon.nova-2-multimodal-embeddings-v1:0`), text input, synchronous
 * InvokeModel, from "Complete embeddings request and response schema" in the Amazon Nova user guide,
 * https://docs.aws.amazon.com/nova/latest/userguide/embeddings-schema.html : request
 * `{schemaVersion: "nova-multimodal-embed-v1", taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: {embeddingPurpose,
 * embeddingDimension 256|384|1024|3072 (default 3072), text: {truncationMode START|END|NONE, value (≤ 8,192 chars)}}}`;
 * response `{embeddings: [{embeddingType: "TEXT", embedding, truncatedCharLength?}]}`.
 */
import type { CohereInputType, CohereTruncate } from './cohere-body';

/** Nova `embeddingPurpose` per LangChain call: documents index, queries search a text-only index. */
export const NOVA_EMBEDDING_PURPOSES: Readonly<Record<CohereInputType, 'GENERIC_INDEX' | 'TEXT_RETRIEVAL'>> = {
  search_document: 'GENERIC_INDEX',
  search_query: 'TEXT_RETRIEVAL',
};

/** InvokeModel body of Nova Multimodal Embeddings for one text. */
export function buildNovaMultimodalBody(text: string, inputType: CohereInputType, dimensions: number, truncate: CohereTruncate): string {
  return JSON.stringify({
    schemaVersion: 'nova-multimodal-embed-v1',
    taskType: 'SINGLE_EMBEDDING',
    singleEmbeddingParams: {
      embeddingPurpose: NOVA_EMBEDDING_PURPOSES[inputType],
      embeddingDimension: dimensions,
      text: { truncationMode: truncate, value: text },
    },
  });
}

/** The vector of a Nova response `{embeddings: [{embeddingType, embedding}]}`, or a reason it is not one. */
export function parseNovaMultimodalResponse(json: unknown): number[] | string {
  const embeddings = (json as { embeddings?: unknown } | null)?.embeddings;
  if (!Array.isArray(embeddings) || embeddings.length === 0) return 'no "embeddings" list';
  const embedding = (embeddings[0] as { embedding?: unknown } | null)?.embedding;
  if (!Array.isArray(embedding)) return 'no "embeddings[0].embedding" array';
  if (!embedding.every((x) => typeof x === 'number')) return '"embeddings[0].embedding" holds non-numbers';
  return embedding as number[];
}
