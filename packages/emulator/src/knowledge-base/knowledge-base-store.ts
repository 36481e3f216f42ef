import { BedrockError } from '../errors/bedrock-error';
import { deterministicVector } from '../models/embeddings/deterministic-vector';
import { wordTokens } from '../models/embeddings/text-features';
import type { EmulatorKnowledgeBase, KnowledgeBaseMetadataValue } from './knowledge-base-types';
import { matchesFilter, type MetadataFilter } from './metadata-filter';

/** Size of the vectors the emulated knowledge bases index with (the same feature-hashed vectors as Titan embeddings). */
const INDEX_DIMENSIONS = 512;

/** A document as indexed: its vector and words computed once when the emulator starts. */
interface IndexedDocument {
  text: string;
  uri: string;
  metadata: Record<string, KnowledgeBaseMetadataValue>;
  vector: number[];
  words: ReadonlySet<string>;
}

/** One scored chunk, as Retrieve returns it. */
export interface ScoredChunk {
  text: string;
  uri: string;
  metadata: Record<string, KnowledgeBaseMetadataValue>;
  score: number;
}

/** How to search: Bedrock's `vectorSearchConfiguration`, validated. */
export interface SearchSettings {
  numberOfResults: number;
  searchType: 'HYBRID' | 'SEMANTIC' | undefined;
  filter: MetadataFilter | undefined;
  /** `numberOfRerankedResults` when a reranking model was given. */
  rerank: { numberOfResults: number | undefined } | undefined;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
}

/** Share of the query's content words found in the document (the keyword half of a hybrid search). */
function keywordShare(queryWords: readonly string[], words: ReadonlySet<string>): number {
  if (queryWords.length === 0) return 0;
  return queryWords.filter((word) => words.has(word)).length / queryWords.length;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * The emulated knowledge bases, indexed at start. Scores are deterministic: semantic search is the cosine of the
 * emulator's feature-hashed text vectors (the ones its Titan embeddings return) mapped to 0..1; a hybrid search
 * averages that with the share of query words the chunk contains; a reranking model orders by the mean of both and
 * reports that as the score. Equal scores keep the documents' order.
 */
export class KnowledgeBaseStore {
  readonly #bases = new Map<string, IndexedDocument[]>();

  constructor(bases: readonly EmulatorKnowledgeBase[] = []) {
    for (const base of bases) {
      this.#bases.set(
        base.knowledgeBaseId,
        base.documents.map((doc, i) => ({
          text: doc.text,
          uri: doc.uri ?? `s3://${base.knowledgeBaseId.toLowerCase()}/doc-${i + 1}.txt`,
          metadata: { ...doc.metadata },
          vector: deterministicVector(doc.text, INDEX_DIMENSIONS, true),
          words: new Set(wordTokens(doc.text)),
        })),
      );
    }
  }

  /** Throws Bedrock's ResourceNotFoundException (404) for an id no knowledge base has. */
  require(knowledgeBaseId: string): void {
    if (!this.#bases.has(knowledgeBaseId)) {
      throw new BedrockError('ResourceNotFoundException', 404, `Knowledge Base with id ${knowledgeBaseId} does not exist`);
    }
  }

  /** The best `numberOfResults` chunks of `knowledgeBaseId` for `query` that match the filter, best first. */
  search(knowledgeBaseId: string, query: string, settings: SearchSettings): ScoredChunk[] {
    this.require(knowledgeBaseId);
    const docs = this.#bases.get(knowledgeBaseId)!;
    const queryVector = deterministicVector(query, INDEX_DIMENSIONS, true);
    const queryWords = [...new Set(wordTokens(query))];
    const scored = docs
      .filter((doc) => settings.filter === undefined || matchesFilter(doc.metadata, settings.filter))
      .map((doc) => {
        const semantic = (dot(queryVector, doc.vector) + 1) / 2;
        const keywords = keywordShare(queryWords, doc.words);
        const score = settings.rerank !== undefined || settings.searchType === 'HYBRID' ? (semantic + keywords) / 2 : semantic;
        return { text: doc.text, uri: doc.uri, metadata: { ...doc.metadata }, score: round(score) };
      });
    // A stable sort: equal scores keep the documents' order.
    scored.sort((a, b) => b.score - a.score);
    const limit = settings.rerank?.numberOfResults ?? settings.numberOfResults;
    return scored.slice(0, Math.min(limit, settings.numberOfResults));
  }
}
