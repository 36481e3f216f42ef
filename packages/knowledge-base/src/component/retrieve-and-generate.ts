import { ComponentValidationError, toClientConfig, type ComponentContext } from '@bedrock-flow/component';
import { KnowledgeBaseRequestError } from '../errors/knowledge-base-request-error';
import type { KnowledgeBaseAnswer } from '../retriever/bedrock-knowledge-base-retriever';
import { buildRetriever } from './build-retriever';
import { COMPONENT_NAME } from './component-name';
import type { KnowledgeBaseValues } from './knowledge-base-inputs';
import { modelArnOf } from './model-arn';
import { requireSearchQuery } from './search-documents';

/** Per-call options of `retrieve_and_generate`. */
export interface RetrieveAndGenerateOptions {
  /** Continue the conversation of an earlier answer (its `sessionId`). Default: a new session. */
  sessionId?: string;
}

/**
 * `retrieve_and_generate` "Answer". With `use_agentic_retrieval`: AgenticRetrieveStream's generated response
 * (`{ text, citations, sessionId: undefined }`, each citation's references being the results its `resultIndex` names).
 * Otherwise RetrieveAndGenerate with `search_query` as the question and `model_id` (default
 * Claude 3.5 Sonnet v2) as the generation model: `{ text, citations, sessionId }`. Throws `ComponentValidationError`
 * before any request, or `KnowledgeBaseRequestError`.
 */
export async function retrieveAndGenerate(ctx: ComponentContext, values: KnowledgeBaseValues, options: RetrieveAndGenerateOptions = {}): Promise<KnowledgeBaseAnswer> {
  const question = requireSearchQuery(values, 'Answer');
  if (values.use_agentic_retrieval) {
    if (options.sessionId !== undefined) {
      throw new ComponentValidationError(COMPONENT_NAME, [{ field: 'sessionId', problem: 'is given, and agentic retrieval keeps no RetrieveAndGenerate session', allowed: 'no sessionId with use_agentic_retrieval' }]);
    }
    const retriever = buildRetriever(ctx, values);
    const outcome = await retriever.agenticRetrieve(question, { ...retriever.agentic!, generateResponse: true });
    // generateResponse was sent true: a result without an answer is an error to show, not an empty answer.
    if (!outcome.answer) throw new KnowledgeBaseRequestError('AgenticRetrieveStream', retriever.knowledgeBaseId, new Error('the result event carried no generated response'));
    return outcome.answer;
  }
  const retriever = buildRetriever(ctx, values);
  const region = toClientConfig(values, ctx, { component: COMPONENT_NAME }).region ?? 'us-east-1';
  const modelId = values.model_id ?? 'anthropic.claude-3-5-sonnet-20241022-v2:0';
  return retriever.retrieveAndGenerate(question, { modelArn: modelArnOf(modelId, region), ...(options.sessionId === undefined ? {} : { sessionId: options.sessionId }) });
}
