import {
  AgenticRetrieveStreamCommand,
  RetrieveAndGenerateCommand,
  RetrieveCommand,
  type BedrockAgentRuntimeClient,
  type Citation,
  type KnowledgeBaseRetrievalConfiguration,
  type RetrievalFilter,
} from '@aws-sdk/client-bedrock-agent-runtime';
import { Document } from '@langchain/core/documents';
import { BaseRetriever } from '@langchain/core/retrievers';
import { ComponentValidationError, type ValidationIssue } from '@bedrock-flow/component';
import { KnowledgeBaseRequestError } from '../errors/knowledge-base-request-error';
import { agenticRetrieveInput, consumeAgenticStream, type AgenticRetrievalOutcome, type AgenticRetrievalSettings } from './agentic-retrieval';
import { KNOWLEDGE_BASE_ID_PATTERN } from './knowledge-base-id';
import { retrievalFilterProblem, RETRIEVAL_FILTER_ALLOWED } from './retrieval-filter-problem';
import { toSearchResult, sourceOf, type KnowledgeBaseSearchResult } from './knowledge-base-search-result';
import { DEFAULT_NUMBER_OF_RESULTS, MAX_NUMBER_OF_RESULTS, MIN_NUMBER_OF_RESULTS, SEARCH_TYPES, type SearchType } from './search-type';

/** A reranking model for Retrieve (`vectorSearchConfiguration.rerankingConfiguration`). */
export interface KnowledgeBaseReranking {
  /** The reranking model's ARN (`arn:aws:bedrock:<region>::foundation-model/amazon.rerank-v1:0`). */
  modelArn: string;
  /** How many reranked results to keep. Default: all of `numberOfResults`. */
  numberOfRerankedResults?: number;
}

/** Constructor fields of {@link BedrockKnowledgeBaseRetriever}. */
export interface BedrockKnowledgeBaseRetrieverFields {
  /** The pooled `BedrockAgentRuntimeClient` (the retriever never destroys it). */
  client: BedrockAgentRuntimeClient;
  /** The knowledge base to query. */
  knowledgeBaseId: string;
  /** Chunks per query (1 to 100). Default 5. */
  numberOfResults?: number;
  /** `DEFAULT` (Bedrock chooses), `HYBRID` or `SEMANTIC`. Default `DEFAULT`. */
  searchType?: SearchType;
  /** A Bedrock `RetrievalFilter` on the chunks' metadata. Default none. */
  filter?: RetrievalFilter;
  /** A reranking model. Default none. */
  reranking?: KnowledgeBaseReranking;
  /**
   * Agentic retrieval (AgenticRetrieveStream) instead of Retrieve for `search` and the LangChain retriever. Default
   * none: Retrieve.
   */
  agentic?: AgenticRetrievalSettings;
  /** Aborts the retriever's requests. Default none. */
  signal?: AbortSignal;
}

/** What {@link BedrockKnowledgeBaseRetriever.retrieveAndGenerate} returns. */
export interface KnowledgeBaseAnswer {
  /** The generated answer. */
  text: string;
  /** Which parts of the answer cite which retrieved chunks. */
  citations: Array<{ text: string; span: { start: number; end: number } | undefined; references: KnowledgeBaseSearchResult[] }>;
  /** The session id Bedrock returned (pass it back to continue the conversation). */
  sessionId: string | undefined;
}

/**
 * A LangChain retriever on a Bedrock Knowledge Base (Retrieve), on a client the caller owns (the component passes its
 * pooled `bedrock-agent-runtime` client). `@langchain/aws`'s `AmazonKnowledgeBaseRetriever` builds its own client from
 * options and takes no reranking model, so it cannot keep a pooled connection: this class keeps the same document shape
 * (`pageContent`, `metadata.source`, `metadata.score`, then the chunk's metadata) on a given client. The client is a
 * private field: it is not serialised with the retriever (`lc_kwargs` stays empty) nor shown by `util.inspect`.
 */
export class BedrockKnowledgeBaseRetriever extends BaseRetriever {
  static override lc_name(): string {
    return 'BedrockKnowledgeBaseRetriever';
  }

  override lc_namespace = ['bedrock_flow', 'retrievers', 'knowledge_base'];

  /** The knowledge base queried. */
  readonly knowledgeBaseId: string;
  /** Chunks per query. */
  readonly numberOfResults: number;
  /** The search type. */
  readonly searchType: SearchType;
  /** The metadata filter, if any. */
  readonly filter: RetrievalFilter | undefined;
  /** The reranking model, if any. */
  readonly reranking: KnowledgeBaseReranking | undefined;
  /** Agentic retrieval settings, or `undefined` for Retrieve. */
  readonly agentic: AgenticRetrievalSettings | undefined;
  readonly #client: BedrockAgentRuntimeClient;
  readonly #signal: AbortSignal | undefined;

  /**
   * Throws a `ComponentValidationError` naming each bad field (before any request): a `knowledgeBaseId` that is not 1 to
   * 10 letters and digits (it is a path segment: `..` or an empty id would change the URL's path), a `numberOfResults`
   * that is not a whole number from 1 to 100, an unknown `searchType`, a `filter` Bedrock would refuse.
   */
  constructor(fields: BedrockKnowledgeBaseRetrieverFields) {
    super();
    const issues = fieldIssues(fields);
    if (issues.length > 0) throw new ComponentValidationError('BedrockKnowledgeBaseRetriever', issues);
    this.#client = fields.client;
    this.#signal = fields.signal;
    this.knowledgeBaseId = fields.knowledgeBaseId;
    this.numberOfResults = fields.numberOfResults ?? DEFAULT_NUMBER_OF_RESULTS;
    this.searchType = fields.searchType ?? 'DEFAULT';
    this.filter = fields.filter;
    this.reranking = fields.reranking;
    this.agentic = fields.agentic;
  }

  /** The `retrievalConfiguration` every call sends. */
  retrievalConfiguration(): KnowledgeBaseRetrievalConfiguration {
    return {
      vectorSearchConfiguration: {
        numberOfResults: this.numberOfResults,
        ...(this.searchType === 'DEFAULT' ? {} : { overrideSearchType: this.searchType }),
        ...(this.filter === undefined ? {} : { filter: this.filter }),
        ...(this.reranking === undefined
          ? {}
          : {
              rerankingConfiguration: {
                type: 'BEDROCK_RERANKING_MODEL',
                bedrockRerankingConfiguration: {
                  modelConfiguration: { modelArn: this.reranking.modelArn },
                  ...(this.reranking.numberOfRerankedResults === undefined ? {} : { numberOfRerankedResults: this.reranking.numberOfRerankedResults }),
                },
              },
            }),
      },
    };
  }

  /**
   * The best chunks for `query`, best first, as `{ text, source, score, metadata }`: Retrieve, or with agentic
   * settings AgenticRetrieveStream's results (`score` undefined, `sourceRetriever` set), asked with
   * `generateResponse: false`: only the documents are returned, so Bedrock is not asked (and does not bill) an answer
   * nobody reads. Throws {@link KnowledgeBaseRequestError}.
   */
  async search(query: string): Promise<KnowledgeBaseSearchResult[]> {
    if (this.agentic) return (await this.agenticRetrieve(query, { ...this.agentic, generateResponse: false })).results;
    try {
      const out = await this.#client.send(
        new RetrieveCommand({ knowledgeBaseId: this.knowledgeBaseId, retrievalQuery: { text: query }, retrievalConfiguration: this.retrievalConfiguration() }),
        this.#signal ? { abortSignal: this.#signal } : {},
      );
      return (out.retrievalResults ?? []).map(toSearchResult);
    } catch (error) {
      throw new KnowledgeBaseRequestError('Retrieve', this.knowledgeBaseId, error);
    }
  }

  /**
   * AgenticRetrieveStream on this knowledge base with the agentic settings given at construction (or `settings`): a
   * foundation model plans sub-queries, retrieves (with this retriever's number of results, filter and reranking
   * model) and, when `generateResponse`, answers with citations. The event stream is read to its end; an in-stream
   * exception, a broken stream, or a stream that ends before its result event is a {@link KnowledgeBaseRequestError}
   * (operation `AgenticRetrieveStream`). The pool classifies the call as a billed stream: its silence bound applies,
   * and it is not retried once the request was written (unless the pool was told to).
   */
  async agenticRetrieve(query: string, settings: AgenticRetrievalSettings | undefined = this.agentic): Promise<AgenticRetrievalOutcome> {
    const input = agenticRetrieveInput(query, {
      knowledgeBaseId: this.knowledgeBaseId,
      numberOfResults: this.numberOfResults,
      filter: this.filter,
      rerankingModelArn: this.reranking?.modelArn,
      settings: settings ?? { model: 'MANAGED' },
    });
    // Aborted when the stream is given up (a bound, an exception event): the SDK's event-stream iterator does not close
    // the response when its reader stops, and the abort destroys the request, so the rest is never read or kept.
    const reader = new AbortController();
    const abortSignal = this.#signal ? AbortSignal.any([this.#signal, reader.signal]) : reader.signal;
    try {
      const out = await this.#client.send(new AgenticRetrieveStreamCommand(input), { abortSignal });
      try {
        return await consumeAgenticStream(out.stream);
      } catch (error) {
        reader.abort(error);
        throw error;
      }
    } catch (error) {
      throw new KnowledgeBaseRequestError('AgenticRetrieveStream', this.knowledgeBaseId, error);
    }
  }

  /** LangChain's hook: the chunks as `Document`s (`metadata.source`, `metadata.score`, then the chunk's metadata). */
  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const results = await this.search(query);
    return results.map(
      (r) =>
        new Document({
          pageContent: r.text,
          metadata: { ...r.metadata, source: r.source, score: r.score, ...(r.sourceRetriever === undefined ? {} : { sourceRetriever: r.sourceRetriever }) },
        }),
    );
  }

  /**
   * RetrieveAndGenerate with this retriever's settings: Bedrock retrieves, answers with `modelArn` (a foundation model
   * or inference profile ARN, or a model id) and cites the chunks. Throws {@link KnowledgeBaseRequestError}.
   */
  async retrieveAndGenerate(question: string, options: { modelArn: string; sessionId?: string }): Promise<KnowledgeBaseAnswer> {
    try {
      const out = await this.#client.send(
        new RetrieveAndGenerateCommand({
          input: { text: question },
          ...(options.sessionId === undefined ? {} : { sessionId: options.sessionId }),
          retrieveAndGenerateConfiguration: {
            type: 'KNOWLEDGE_BASE',
            knowledgeBaseConfiguration: { knowledgeBaseId: this.knowledgeBaseId, modelArn: options.modelArn, retrievalConfiguration: this.retrievalConfiguration() },
          },
        }),
        this.#signal ? { abortSignal: this.#signal } : {},
      );
      return { text: out.output?.text ?? '', citations: (out.citations ?? []).map(toCitation), sessionId: out.sessionId };
    } catch (error) {
      throw new KnowledgeBaseRequestError('RetrieveAndGenerate', this.knowledgeBaseId, error);
    }
  }

  /** One line, no client. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `BedrockKnowledgeBaseRetriever(${this.knowledgeBaseId}, ${this.numberOfResults} results, ${this.agentic ? 'agentic' : this.searchType})`;
  }
}

/**
 * The problems of a host's own fields (the component has checked its inputs already). Written by hand because a host
 * may build the class without the component: the SDK encodes the id as a path label but leaves `..` as it is.
 */
function fieldIssues(fields: BedrockKnowledgeBaseRetrieverFields): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const id: unknown = fields.knowledgeBaseId;
  if (typeof id !== 'string' || !KNOWLEDGE_BASE_ID_PATTERN.test(id)) {
    issues.push({ field: 'knowledgeBaseId', problem: 'is not a knowledge base id', allowed: 'a knowledge base id: 1 to 10 letters and digits, e.g. ABCDEFGH12', received: JSON.stringify(String(id).slice(0, 20)) });
  }
  const count: unknown = fields.numberOfResults;
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < MIN_NUMBER_OF_RESULTS || count > MAX_NUMBER_OF_RESULTS)) {
    issues.push({ field: 'numberOfResults', problem: `is ${String(count).slice(0, 20)}`, allowed: `a whole number from ${MIN_NUMBER_OF_RESULTS} to ${MAX_NUMBER_OF_RESULTS}` });
  }
  const searchType: unknown = fields.searchType;
  if (searchType !== undefined && !(SEARCH_TYPES as readonly unknown[]).includes(searchType)) {
    issues.push({ field: 'searchType', problem: `is ${JSON.stringify(String(searchType).slice(0, 20))}`, allowed: SEARCH_TYPES.join(', ') });
  }
  const filterProblem = fields.filter === undefined ? undefined : retrievalFilterProblem(fields.filter);
  if (filterProblem !== undefined) issues.push({ field: 'filter', problem: filterProblem, allowed: RETRIEVAL_FILTER_ALLOWED });
  return issues;
}

function toCitation(citation: Citation): KnowledgeBaseAnswer['citations'][number] {
  const part = citation.generatedResponsePart?.textResponsePart;
  const span = part?.span;
  return {
    text: part?.text ?? '',
    span: span?.start === undefined || span.end === undefined ? undefined : { start: span.start, end: span.end },
    references: (citation.retrievedReferences ?? []).map((ref) => ({
      text: ref.content?.text ?? '',
      source: sourceOf(ref.location),
      score: undefined,
      metadata: { ...(ref.metadata as Record<string, unknown> | undefined) },
    })),
  };
}
