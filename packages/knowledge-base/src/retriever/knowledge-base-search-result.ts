import type { KnowledgeBaseRetrievalResult, RetrievalResultLocation } from '@aws-sdk/client-bedrock-agent-runtime';

/** One retrieved chunk, as the `search_results` output lists it. */
export interface KnowledgeBaseSearchResult {
  /** The chunk's text. */
  text: string;
  /** Where it came from (S3 URI, web URL, Confluence/SharePoint/Salesforce URL, …), or `undefined` when Bedrock gave none. */
  source: string | undefined;
  /** Bedrock's relevance score, or `undefined` when Bedrock gave none (e.g. structured data stores). */
  score: number | undefined;
  /** The chunk's metadata attributes as Bedrock returned them. */
  metadata: Record<string, unknown>;
  /** Agentic retrieval only: the knowledge base (retriever) the result came from. */
  sourceRetriever?: string | undefined;
}

/** The source of a location, whichever of its typed members Bedrock filled. */
export function sourceOf(location: RetrievalResultLocation | undefined): string | undefined {
  if (!location) return undefined;
  return (
    location.s3Location?.uri ??
    location.webLocation?.url ??
    location.confluenceLocation?.url ??
    location.sharePointLocation?.url ??
    location.salesforceLocation?.url ??
    location.customDocumentLocation?.id ??
    location.kendraDocumentLocation?.uri ??
    location.sqlLocation?.query ??
    undefined
  );
}

/** A Retrieve result as a {@link KnowledgeBaseSearchResult}. */
export function toSearchResult(result: KnowledgeBaseRetrievalResult): KnowledgeBaseSearchResult {
  return {
    text: result.content?.text ?? '',
    source: sourceOf(result.location),
    score: result.score,
    metadata: { ...(result.metadata as Record<string, unknown> | undefined) },
  };
}
