import { ComponentValidationError, type ComponentContext } from '@bedrock-flow/component';
import type { KnowledgeBaseSearchResult } from '../retriever/knowledge-base-search-result';
import { buildRetriever } from './build-retriever';
import { COMPONENT_NAME } from './component-name';
import type { KnowledgeBaseValues } from './knowledge-base-inputs';

/** `search_query`, required by the outputs that ask the knowledge base themselves. */
export function requireSearchQuery(values: KnowledgeBaseValues, output: string): string {
  const query = values.search_query;
  if (query === undefined || query.trim() === '') {
    throw new ComponentValidationError(COMPONENT_NAME, [{ field: 'search_query', problem: `is empty, and the ${output} output needs it`, allowed: 'the text to search for (1 to 20,000 characters)' }]);
  }
  if (query.length > 20_000) {
    throw new ComponentValidationError(COMPONENT_NAME, [{ field: 'search_query', problem: `is ${query.length} characters long`, allowed: 'at most 20,000 characters (Bedrock Retrieve)' }]);
  }
  return query;
}

/**
 * `search_documents` "Search Results": Retrieve with `search_query`, the chunks best first as
 * `{ text, source, score, metadata }`. Throws `ComponentValidationError` (no query, bad inputs) before any request,
 * or `KnowledgeBaseRequestError`.
 */
export async function searchDocuments(ctx: ComponentContext, values: KnowledgeBaseValues): Promise<KnowledgeBaseSearchResult[]> {
  const query = requireSearchQuery(values, 'Search Results');
  return buildRetriever(ctx, values).search(query);
}
