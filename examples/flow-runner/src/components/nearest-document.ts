import { FlowError } from '../flow/flow-error';
import type { LocalComponent } from './local-component';
import { messageText } from './message-text';

/** What the retriever needs of an `Embeddings` (LangChain's interface, as `build_embeddings` returns). */
interface EmbeddingsLike {
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * A tiny retriever (not a Langflow component): embeds `documents` (one per line) and `search_query`
 * with the connected `embedding`, and outputs `document`, the document nearest the query by cosine
 * similarity. Stands in for a vector store so the example needs no database.
 */
export const nearestDocument: LocalComponent = {
  name: 'NearestDocument',
  outputs: {
    document: async (values) => {
      const embeddings = values['embedding'] as EmbeddingsLike | undefined;
      if (typeof embeddings?.embedDocuments !== 'function' || typeof embeddings.embedQuery !== 'function') {
        throw new FlowError('FLOW_NODE_FAILED', 'NearestDocument needs an Embeddings connected to its "embedding" field.', 'embedding');
      }
      const documents = messageText(values['documents']).split('\n').map((line) => line.trim()).filter((line) => line !== '');
      if (documents.length === 0) throw new FlowError('FLOW_NODE_FAILED', 'NearestDocument needs at least one line in "documents".', 'documents');
      // Documents first, then the query: the order a vector store's ingest and search would take.
      const vectors = await embeddings.embedDocuments(documents);
      const query = await embeddings.embedQuery(messageText(values['search_query']));
      let best = 0;
      vectors.forEach((vector, i) => {
        if (cosine(vector, query) > cosine(vectors[best] as number[], query)) best = i;
      });
      return documents[best];
    },
  },
};
