import { randomUUID } from 'node:crypto';
import { streamDurationMs } from '../faults/generation-pace';
import type { ScoredChunk } from '../knowledge-base/knowledge-base-store';
import { parseAgenticRetrieveRequest, type AgenticRetrieveRequest } from '../knowledge-base/parse-agentic-retrieve-request';
import { DEFAULT_NUMBER_OF_RESULTS } from '../knowledge-base/parse-retrieval-configuration';
import { splitIntoDeltas } from '../models/generate-reply';
import { parseJsonBody } from '../models/validate-fields';
import type { OperationContext } from './operation-context';
import { NO_ANSWER_TEXT } from './retrieve-and-generate';

/** A retrieved chunk and the knowledge base it came from. */
interface SourcedChunk extends ScoredChunk {
  knowledgeBaseId: string;
}

/** How many of the best results the deterministic answer quotes (one citation each). */
const QUOTED_RESULTS = 2;

function resultItem(chunk: SourcedChunk): Record<string, unknown> {
  return {
    content: { text: chunk.text, mimeType: 'text/plain' },
    metadata: { ...chunk.metadata, 'x-amz-bedrock-kb-source-uri': chunk.uri },
    sourceRetriever: { identifier: chunk.knowledgeBaseId },
  };
}

function traceEvent(step: string, message: string, extra: Record<string, unknown>): Record<string, unknown> {
  return { id: randomUUID(), timestamp: Date.now(), attributes: { step, status: 'SUCCEEDED', message, ...extra } };
}

/** Each retriever's chunks for the query (its overrides applied), then all of them best first (a stable merge). */
function retrieveAll(ctx: OperationContext, request: AgenticRetrieveRequest): { perRetriever: SourcedChunk[][]; merged: SourcedChunk[] } {
  const rerank = request.reranking !== undefined && request.reranking !== 'NONE' ? { numberOfResults: undefined } : undefined;
  const perRetriever = request.retrievers.map((retriever) =>
    ctx.knowledgeBases
      .search(retriever.knowledgeBaseId, request.query, {
        numberOfResults: retriever.maxNumberOfResults ?? DEFAULT_NUMBER_OF_RESULTS,
        searchType: undefined,
        filter: retriever.filter,
        rerank,
      })
      .map((chunk) => ({ ...chunk, knowledgeBaseId: retriever.knowledgeBaseId })),
  );
  const merged = perRetriever.flat().sort((a, b) => b.score - a.score);
  return { perRetriever, merged };
}

/** The deterministic answer: the best results' texts, one citation (`resultIndex`) per quoted result. */
function answerOf(merged: SourcedChunk[], scriptedText: string | undefined): { answer: string; citations: Array<Record<string, unknown>> } {
  if (scriptedText !== undefined) {
    const references = merged.map((_, resultIndex) => ({ resultIndex }));
    return { answer: scriptedText, citations: references.length === 0 ? [] : [{ startIndex: 0, endIndex: scriptedText.length, references }] };
  }
  if (merged.length === 0) return { answer: NO_ANSWER_TEXT, citations: [] };
  let answer = '';
  const citations: Array<Record<string, unknown>> = [];
  for (const [resultIndex, chunk] of merged.slice(0, QUOTED_RESULTS).entries()) {
    if (answer) answer += ' ';
    citations.push({ startIndex: answer.length, endIndex: answer.length + chunk.text.length, references: [{ resultIndex }] });
    answer += chunk.text;
  }
  return { answer, citations };
}

/**
 * AgenticRetrieveStream (`POST /agenticRetrieveStream`, bedrock-agent-runtime), deterministic: the whole query is the
 * one sub-query of every retriever. Streams a `Planning` trace event (one retrieve action per retriever), one
 * `Retrieval` trace event per retriever (its results), then, when `generateResponse` (default true), the answer as
 * `responseEvent` chunks, and last the `result` event: the results of all retrievers best first (content, metadata,
 * sourceRetriever) and `generatedResponse` (`answer`, `citations[{startIndex, endIndex, references[{resultIndex}]}]`,
 * the answer quoting the best two results). Request errors and an unknown knowledge base (ResourceNotFoundException)
 * are answered before the stream starts; stream faults (`cutStreamAfterFrames`, `streamException`) and the generation
 * pace apply as for ConverseStream.
 */
export async function handleAgenticRetrieveStream(ctx: OperationContext): Promise<void> {
  const body = parseJsonBody(ctx.body);
  const request = parseAgenticRetrieveRequest(body);
  const scripted = ctx.observe({ body, lastUserText: request.query });
  const { perRetriever, merged } = retrieveAll(ctx, request);

  const events: Array<[type: string, payload: unknown]> = [
    [
      'traceEvent',
      traceEvent('Planning', `Planned ${request.retrievers.length} sub-quer${request.retrievers.length === 1 ? 'y' : 'ies'}`, {
        actions: request.retrievers.map((retriever) => ({
          retrieve: { inputQuery: { text: request.query }, sourceRetrievers: [{ identifier: retriever.knowledgeBaseId }] },
        })),
      }),
    ],
  ];
  for (const [i, chunks] of perRetriever.entries()) {
    const knowledgeBaseId = request.retrievers[i]!.knowledgeBaseId;
    events.push([
      'traceEvent',
      traceEvent('Retrieval', `Retrieved ${chunks.length} result${chunks.length === 1 ? '' : 's'} from ${knowledgeBaseId}`, {
        retrievalMetadata: [{ identifier: knowledgeBaseId, retrievalType: 'BedrockKnowledgeBase' }],
        retrievalResponse: chunks.map(resultItem),
      }),
    ]);
  }
  const result: Record<string, unknown> = { results: merged.map(resultItem) };
  let outputTokens = 0;
  if (request.generateResponse) {
    const generated = answerOf(merged, scripted?.text);
    const deltas = splitIntoDeltas(generated.answer);
    outputTokens = deltas.length;
    for (const text of deltas) events.push(['responseEvent', { text }]);
    result['generatedResponse'] = generated;
  }
  events.push(['result', result]);

  const stream = ctx.openEventStream();
  const pace = request.generateResponse ? ctx.generationPace() : undefined;
  if (pace) stream.pace(streamDurationMs(pace, outputTokens), events.length);
  stream.start(ctx.requestId);
  for (const [type, payload] of events) {
    if (!(await stream.event(type, payload))) return;
  }
  stream.end();
}
