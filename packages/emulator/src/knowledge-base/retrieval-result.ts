import type { ScoredChunk } from './knowledge-base-store';

/** A chunk in Bedrock's `KnowledgeBaseRetrievalResult` / `RetrievedReference` shape (S3 or web location by the URI's scheme). */
export function retrievalResult(chunk: ScoredChunk, withScore: boolean): Record<string, unknown> {
  const web = /^https?:\/\//.test(chunk.uri);
  return {
    content: { text: chunk.text, type: 'TEXT' },
    location: web ? { type: 'WEB', webLocation: { url: chunk.uri } } : { type: 'S3', s3Location: { uri: chunk.uri } },
    metadata: { ...chunk.metadata, 'x-amz-bedrock-kb-source-uri': chunk.uri },
    ...(withScore ? { score: chunk.score } : {}),
  };
}
