import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError, toClientConfig, type ComponentContext } from '@bedrock-flow/component';
import { KnowledgeBaseInitializationError } from '../errors/knowledge-base-initialization-error';
import type { AgenticRetrievalSettings } from '../retriever/agentic-retrieval';
import { BedrockKnowledgeBaseRetriever } from '../retriever/bedrock-knowledge-base-retriever';
import type { SearchType } from '../retriever/search-type';
import { acquireAgentRuntimeClient } from './acquire-agent-runtime-client';
import { COMPONENT_NAME } from './component-name';
import { MANAGED_AGENTIC_MODEL, type KnowledgeBaseValues } from './knowledge-base-inputs';
import { modelArnOf } from './model-arn';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The region a reranking model id is turned into an ARN for (the node's, as the service requires). */
function rerankingArn(model: string, region: string): string {
  if (model.startsWith('arn:')) return model;
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:bedrock:${region}::foundation-model/${model}`;
}

/**
 * The agentic settings of `values` when `use_agentic_retrieval` is on, else `undefined`. `search_type` other than
 * DEFAULT is refused by name (AgenticRetrieveStream has no search type: the agent chooses), rather than dropped.
 */
function agenticSettingsOf(values: KnowledgeBaseValues, region: string): AgenticRetrievalSettings | undefined {
  if (!values.use_agentic_retrieval) return undefined;
  if (values.search_type !== undefined && values.search_type !== 'DEFAULT') {
    throw new ComponentValidationError(COMPONENT_NAME, [
      { field: 'search_type', problem: `is ${values.search_type}, and agentic retrieval takes no search type (the agent plans its own searches)`, allowed: 'DEFAULT with use_agentic_retrieval, or use_agentic_retrieval off' },
    ]);
  }
  const model = values.agentic_model ?? MANAGED_AGENTIC_MODEL;
  return {
    model: model === MANAGED_AGENTIC_MODEL ? 'MANAGED' : { modelArn: modelArnOf(model, region) },
    ...(values.max_agent_iterations === undefined ? {} : { maxAgentIterations: values.max_agent_iterations }),
  };
}

/**
 * `build_retriever` "Retriever": a {@link BedrockKnowledgeBaseRetriever} on this node's pooled `bedrock-agent-runtime`
 * client, on Retrieve, or on AgenticRetrieveStream when `use_agentic_retrieval` is on. Every input is checked before the lease and before any request. Cheap and idempotent: the same inputs lease
 * the same warm client. Throws `ComponentValidationError` (bad id, region, endpoint, half a key pair), the pool's
 * `EndpointNotAllowedError` (host credentials to an endpoint the operator did not allow) or `PoolClosedError`, or
 * {@link KnowledgeBaseInitializationError} for anything else that kept the lease from being made.
 */
export function buildRetriever(ctx: ComponentContext, values: KnowledgeBaseValues): BedrockKnowledgeBaseRetriever {
  const knowledgeBaseId = values.knowledge_base_id;
  if (knowledgeBaseId === undefined) {
    throw new ComponentValidationError(COMPONENT_NAME, [{ field: 'knowledge_base_id', problem: 'is required', allowed: 'a knowledge base id: 1 to 10 letters and digits' }]);
  }
  if (values.api_key !== undefined) {
    // Sending the key would fail at AWS (no bearer auth on agent runtime); using other credentials instead would be a silent fallback.
    throw new ComponentValidationError(COMPONENT_NAME, [
      { field: 'api_key', problem: 'is set, and Bedrock API keys do not cover Knowledge Bases (Agents for Amazon Bedrock Runtime)', allowed: 'no API key: AWS access keys, a profile or the default credential chain' },
    ]);
  }
  const config = toClientConfig(values, ctx, { component: COMPONENT_NAME });
  const agentic = agenticSettingsOf(values, config.region ?? 'us-east-1');
  let client;
  try {
    client = acquireAgentRuntimeClient(ctx, config);
  } catch (error) {
    // The pool's own errors (endpoint refused, pool closed, bad config) already name their field and code: pass them on.
    if (error instanceof BedrockFlowError) throw error;
    throw new KnowledgeBaseInitializationError(reasonOf(error), error);
  }
  return new BedrockKnowledgeBaseRetriever({
    client,
    knowledgeBaseId,
    numberOfResults: values.number_of_results ?? 5,
    searchType: (values.search_type ?? 'DEFAULT') as SearchType,
    ...(values.metadata_filter === undefined ? {} : { filter: values.metadata_filter }),
    ...(values.reranking_model === undefined ? {} : { reranking: { modelArn: rerankingArn(values.reranking_model, config.region ?? 'us-east-1') } }),
    ...(agentic === undefined ? {} : { agentic }),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
}
