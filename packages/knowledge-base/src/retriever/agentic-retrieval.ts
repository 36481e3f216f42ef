import type {
  AgenticRetrieveConfiguration,
  AgenticRetrieveResultItem,
  AgenticRetrieveStreamCommandInput,
  AgenticRetrieveStreamResponseOutput,
  RetrievalFilter,
} from '@aws-sdk/client-bedrock-agent-runtime';
import type { KnowledgeBaseAnswer } from './bedrock-knowledge-base-retriever';
import type { KnowledgeBaseSearchResult } from './knowledge-base-search-result';

// Agentic retrieval, as the Bedrock user guide describes it ("Use agentic retrieval to query a knowledge base",
// https://docs.aws.amazon.com/bedrock/latest/userguide/kb-test-agentic-retrieve.html) and the API reference shapes it
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_AgenticRetrieveStream.html): a foundation
// model plans sub-queries, retrieves, judges whether the results suffice, and (by default) writes a cited answer,
// all over one event stream.

/** The smallest `maxAgentIteration` Bedrock accepts (the API reference gives no maximum). */
export const MIN_AGENT_ITERATIONS = 2;

/** How agentic retrieval runs (`agenticRetrieveConfiguration` and `generateResponse`). */
export interface AgenticRetrievalSettings {
  /** `MANAGED` (Bedrock's default model) or a model by ARN (`foundationModelType: CUSTOM`). */
  model: 'MANAGED' | { modelArn: string };
  /** `maxAgentIteration` (2 or more). Default: Bedrock's. */
  maxAgentIterations?: number;
  /** Whether Bedrock writes an answer (`generateResponse`). Bedrock's default is true. */
  generateResponse: boolean;
}

/** What one agentic retrieval returns. */
export interface AgenticRetrievalOutcome {
  /** The results, in Bedrock's order, each with the knowledge base it came from (`sourceRetriever`). */
  results: KnowledgeBaseSearchResult[];
  /** The generated answer (citations mapped to `results`), or `undefined` when `generateResponse` was off. */
  answer: KnowledgeBaseAnswer | undefined;
  /** The steps Bedrock reported (`Planning`, `Retrieval`, …), in order, with their status and message. */
  steps: Array<{ step: string; status: string; message: string }>;
  /** Bedrock's continuation token when more results exist (not followed: one call per run). */
  nextToken: string | undefined;
}

/** What the request needs from the retriever. */
export interface AgenticRequestParts {
  knowledgeBaseId: string;
  numberOfResults: number;
  filter: RetrievalFilter | undefined;
  rerankingModelArn: string | undefined;
  settings: AgenticRetrievalSettings;
}

/** The AgenticRetrieveStream request for `query` on one knowledge base. */
export function agenticRetrieveInput(query: string, parts: AgenticRequestParts): AgenticRetrieveStreamCommandInput {
  const { settings } = parts;
  const configuration: AgenticRetrieveConfiguration =
    settings.model === 'MANAGED'
      ? { foundationModelType: 'MANAGED' }
      : {
          foundationModelType: 'CUSTOM',
          foundationModelConfiguration: { type: 'BEDROCK_FOUNDATION_MODEL', bedrockFoundationModelConfiguration: { modelConfiguration: { modelArn: settings.model.modelArn } } },
        };
  // No reranking model given: rerankingModelType is left out, so Bedrock applies its default (MANAGED for managed
  // embedding knowledge bases, NONE for custom embedding ones).
  if (parts.rerankingModelArn !== undefined) {
    configuration.rerankingModelType = 'CUSTOM';
    configuration.rerankingConfiguration = { type: 'BEDROCK_RERANKING_MODEL', bedrockRerankingConfiguration: { modelConfiguration: { modelArn: parts.rerankingModelArn } } };
  }
  if (settings.maxAgentIterations !== undefined) configuration.maxAgentIteration = settings.maxAgentIterations;
  return {
    messages: [{ role: 'user', content: { text: query } }],
    retrievers: [
      {
        configuration: {
          knowledgeBase: {
            knowledgeBaseId: parts.knowledgeBaseId,
            retrievalOverrides: { maxNumberOfResults: parts.numberOfResults, ...(parts.filter === undefined ? {} : { filter: parts.filter }) },
          },
        },
      },
    ],
    agenticRetrieveConfiguration: configuration,
    generateResponse: settings.generateResponse,
  };
}

/** A result item as a search result: `source` from the metadata's source URI (Bedrock's key, or `_source_uri`). */
export function toAgenticSearchResult(item: AgenticRetrieveResultItem): KnowledgeBaseSearchResult {
  const metadata = { ...(item.metadata as Record<string, unknown> | undefined) };
  const source = metadata['x-amz-bedrock-kb-source-uri'] ?? metadata['_source_uri'];
  return {
    text: item.content?.text ?? '',
    source: typeof source === 'string' ? source : undefined,
    // Agentic results carry no relevance score: Bedrock returns them already ranked (and reranked).
    score: undefined,
    metadata,
    sourceRetriever: item.sourceRetriever?.identifier,
  };
}

/** An in-stream exception member (`throttlingException`, …) as a thrown error named like the SDK's (`ThrottlingException`). */
function inStreamError(member: string, value: unknown): Error {
  const message = typeof (value as { message?: unknown } | undefined)?.message === 'string' ? (value as { message: string }).message : 'no message';
  const error = new Error(message);
  error.name = member.charAt(0).toUpperCase() + member.slice(1);
  return error;
}

/**
 * Reads the whole event stream: trace events (steps), answer chunks, the `result` event(s). Throws the in-stream
 * exception Bedrock sent (the SDK throws the modelled ones; a member it did not throw is thrown here), a transport
 * error from the iterator as it is, and an Error when the stream ended without a `result` event. Never returns
 * part of an answer.
 */
export async function consumeAgenticStream(stream: AsyncIterable<AgenticRetrieveStreamResponseOutput> | undefined): Promise<AgenticRetrievalOutcome> {
  if (!stream) throw new Error('the response has no event stream');
  const results: KnowledgeBaseSearchResult[] = [];
  const steps: AgenticRetrievalOutcome['steps'] = [];
  let chunks = '';
  let generated: { answer: string; citations: Array<{ startIndex?: number; endIndex?: number; references?: Array<{ resultIndex?: number }> }> } | undefined;
  let sawResult = false;
  let nextToken: string | undefined;
  for await (const event of stream) {
    if (event.result) {
      sawResult = true;
      // Citation indexes point into this event's results.
      const offset = results.length;
      const items = (event.result.results ?? []).map(toAgenticSearchResult);
      results.push(...items);
      if (event.result.generatedResponse) {
        generated = {
          answer: event.result.generatedResponse.answer ?? '',
          citations: (event.result.generatedResponse.citations ?? []).map((c) => ({
            ...c,
            references: (c.references ?? []).map((r) => ({ resultIndex: r.resultIndex === undefined ? undefined : r.resultIndex + offset })),
          })),
        };
      }
      nextToken = event.result.nextToken;
    } else if (event.traceEvent) {
      const attributes = event.traceEvent.attributes;
      steps.push({ step: String(attributes?.step ?? ''), status: String(attributes?.status ?? ''), message: attributes?.message ?? '' });
      for (const failure of attributes?.failures ?? []) steps.push({ step: String(attributes?.step ?? ''), status: 'FAILED', message: failure.message ?? '' });
    } else if (event.responseEvent) {
      chunks += event.responseEvent.text ?? '';
    } else {
      const [member, value] = Object.entries(event).find(([key]) => key !== '$unknown') ?? [];
      if (member && /Exception$/.test(member)) throw inStreamError(member, value);
      // `$unknown`: an event type newer than this SDK; skipped, as the SDK's own consumers do.
    }
  }
  if (!sawResult) throw new Error('the event stream ended before its result event (the answer is incomplete)');
  let answer: KnowledgeBaseAnswer | undefined;
  if (generated !== undefined || chunks !== '') {
    // The result's answer is the one its citations index into; the streamed chunks are the same text, sent early.
    const text = generated?.answer ?? chunks;
    answer = {
      text,
      citations: (generated?.citations ?? []).map((c) => ({
        text: c.startIndex === undefined || c.endIndex === undefined ? '' : text.slice(c.startIndex, c.endIndex),
        span: c.startIndex === undefined || c.endIndex === undefined ? undefined : { start: c.startIndex, end: c.endIndex },
        references: (c.references ?? []).flatMap((r) => (r.resultIndex !== undefined && results[r.resultIndex] ? [results[r.resultIndex]!] : [])),
      })),
      sessionId: undefined,
    };
  }
  return { results, answer, steps, nextToken };
}
