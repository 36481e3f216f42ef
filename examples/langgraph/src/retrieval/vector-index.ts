import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { CorpusDocument } from '../corpus/bedrock-notes';
import { cosineSimilarity } from './cosine-similarity';

/** A document found for a question, with its similarity. */
export interface RetrievedDocument extends CorpusDocument {
  score: number;
}

/**
 * An in-memory vector index of a corpus. It lives with the host (like a vector store), not with the graph: the
 * documents are embedded once, each request only embeds its question.
 */
export class VectorIndex {
  readonly #entries: Array<{ document: CorpusDocument; vector: number[] }>;

  private constructor(entries: Array<{ document: CorpusDocument; vector: number[] }>) {
    this.#entries = entries;
  }

  /** Embeds `documents` with `embeddings` (batched by the embeddings component). */
  static async build(embeddings: EmbeddingsInterface, documents: readonly CorpusDocument[]): Promise<VectorIndex> {
    const vectors = await embeddings.embedDocuments(documents.map((document) => document.text));
    return new VectorIndex(documents.map((document, i) => ({ document, vector: vectors[i]! })));
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.#entries.length;
  }

  /** The `k` documents most similar to `vector`, best first (ties keep corpus order). */
  search(vector: readonly number[], k: number): RetrievedDocument[] {
    return this.#entries
      .map(({ document }, i) => ({ ...document, score: cosineSimilarity(vector, this.#entries[i]!.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }
}
