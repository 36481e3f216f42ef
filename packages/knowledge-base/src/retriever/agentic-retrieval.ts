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

/**
 * The most events (trace, answer-chunk and result events) one agentic stream may send: 10,000. Each event resets the
 * pool's silence bound, so without a count a stream that never ends would hold the flow (and grow the steps kept) for
 * ever. Bedrock reports a few steps per agent iteration, so this is far above any real answer.
 */
export const MAX_AGENTIC_STREAM_EVENTS = 10_000;

/**
 * The most characters of text one agentic stream may make the reader keep (step messages, streamed answer text, result
 * texts and the answer): 16,000,000, about 32 MB of strings. 100 results of Bedrock's largest chunks and their answer
 * fit several times over.
 */
export const MAX_AGENTIC_STREAM_TEXT_CHARS = 16_000_000;

/** How agentic retrieval runs (`agenticRetrieveConfiguration` and `generateResponse`). */
export interface AgenticRetrievalSettings {
  /** `MANAGED` (Bedrock's default model) or a model by ARN (`foundationModelType: CUSTOM`). */
  model: 'MANAGED' | { modelArn: string };
  /** `maxAgentIteration` (2 or more). Default: Bedrock's. */
  maxAgentIterations?: number;
  /**
   * Whether Bedrock writes an answer (`generateResponse`). Default: true, as Bedrock. `search()` (and so the Search
   * Results and Retriever outputs) always sends false: it returns only the documents.
   */
  generateResponse?: boolean;
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
    generateResponse: settings.generateResponse ?? true,
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

/** A citation's span when it lies inside `text` (integers, 0 <= start <= end <= length), else `undefined`: `slice` would read negative offsets from the end. */
function spanIn(text: string, start: number | undefined, end: number | undefined): { start: number; end: number } | undefined {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return undefined;
  return start! >= 0 && start! <= end! && end! <= text.length ? { start: start!, end: end! } : undefined;
}

/** Whether `index` names one of `list`'s items (an integer in range): a hostile index references nothing. */
function isIndexOf(list: readonly unknown[], index: unknown): index is number {
  return Number.isSafeInteger(index) && (index as number) >= 0 && (index as number) < list.length;
}

/** The characters of text an event makes the reader keep: step messages, streamed answer text, result texts and the answer. */
function textLengthOf(event: AgenticRetrieveStreamResponseOutput): number {
  if (event.traceEvent) return (event.traceEvent.attributes?.message?.length ?? 0) + (event.traceEvent.attributes?.failures ?? []).reduce((n, f) => n + (f.message?.length ?? 0), 0);
  if (event.responseEvent) return event.responseEvent.text?.length ?? 0;
  if (event.result) return (event.result.results ?? []).reduce((n, item) => n + (item.content?.text?.length ?? 0), 0) + (event.result.generatedResponse?.answer?.length ?? 0);
  return 0;
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
 * error from the iterator as it is, an Error when the stream ended without a `result` event, and an Error (closing the
 * stream) when it sends more than {@link MAX_AGENTIC_STREAM_EVENTS} events or more than
 * {@link MAX_AGENTIC_STREAM_TEXT_CHARS} characters of steps, results and answer. Never returns part of an answer. A citation
 * index or span outside this stream's results or answer references nothing (empty text, no span).
 */
export async function consumeAgenticStream(stream: AsyncIterable<AgenticRetrieveStreamResponseOutput> | undefined): Promise<AgenticRetrievalOutcome> {
  if (!stream) throw new Error('the response has no event stream');
  const results: KnowledgeBaseSearchResult[] = [];
  const steps: AgenticRetrievalOutcome['steps'] = [];
  let chunks = '';
  let generated: { answer: string; citations: Array<{ startIndex?: number; endIndex?: number; references?: Array<{ resultIndex?: number }> }> } | undefined;
  let sawResult = false;
  let nextToken: string | undefined;
  let events = 0;
  let textChars = 0;
  for await (const event of stream) {
    // Every event resets the pool's silence bound: these counts stop a stream that never ends (or never stops after its
    // result). Throwing out of the loop returns the iterator, which closes the response: the rest is never read.
    if (++events > MAX_AGENTIC_STREAM_EVENTS) {
      throw new Error(`the event stream sent more than ${MAX_AGENTIC_STREAM_EVENTS.toLocaleString('en-US')} events${sawResult ? '' : ' before its result'} (bounded by MAX_AGENTIC_STREAM_EVENTS)`);
    }
    textChars += textLengthOf(event);
    if (textChars > MAX_AGENTIC_STREAM_TEXT_CHARS) {
      throw new Error(`the event stream sent more than ${MAX_AGENTIC_STREAM_TEXT_CHARS.toLocaleString('en-US')} characters of steps, results and answer (bounded by MAX_AGENTIC_STREAM_TEXT_CHARS)`);
    }
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
            references: (c.references ?? []).map((r) => ({ resultIndex: typeof r.resultIndex === 'number' ? r.resultIndex + offset : undefined })),
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
      citations: (generated?.citations ?? []).map((c) => {
        const span = spanIn(text, c.startIndex, c.endIndex);
        return {
          text: span === undefined ? '' : text.slice(span.start, span.end),
          span,
          references: (c.references ?? []).flatMap((r) => (isIndexOf(results, r.resultIndex) ? [results[r.resultIndex]!] : [])),
        };
      }),
      sessionId: undefined,
    };
  }
  return { results, answer, steps, nextToken };
}
