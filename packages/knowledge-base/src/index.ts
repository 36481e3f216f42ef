export { amazonBedrockKnowledgeBaseRetrieverDefinition } from './component/definition';
export { COMPONENT_NAME as KNOWLEDGE_BASE_COMPONENT_NAME } from './component/component-name';
export { knowledgeBaseInputs, KNOWLEDGE_BASE_ID_PATTERN, MANAGED_AGENTIC_MODEL, RERANKING_MODEL_IDS, type KnowledgeBaseValues } from './component/knowledge-base-inputs';
export { buildRetriever } from './component/build-retriever';
export { searchDocuments } from './component/search-documents';
export { retrieveAndGenerate, type RetrieveAndGenerateOptions } from './component/retrieve-and-generate';
export { modelArnOf } from './component/model-arn';
export {
  BedrockKnowledgeBaseRetriever,
  type BedrockKnowledgeBaseRetrieverFields,
  type KnowledgeBaseAnswer,
  type KnowledgeBaseReranking,
} from './retriever/bedrock-knowledge-base-retriever';
export {
  agenticRetrieveInput,
  consumeAgenticStream,
  toAgenticSearchResult,
  MIN_AGENT_ITERATIONS,
  MAX_AGENTIC_STREAM_EVENTS,
  MAX_AGENTIC_STREAM_TEXT_CHARS,
  type AgenticRetrievalOutcome,
  type AgenticRetrievalSettings,
  type AgenticRequestParts,
} from './retriever/agentic-retrieval';
export { toSearchResult, sourceOf, type KnowledgeBaseSearchResult } from './retriever/knowledge-base-search-result';
export { retrievalFilterProblem, RETRIEVAL_FILTER_ALLOWED, FILTER_ATTRIBUTE_OPERATORS, FILTER_LIST_OPERATORS } from './retriever/retrieval-filter-problem';
export { SEARCH_TYPES, DEFAULT_NUMBER_OF_RESULTS, MIN_NUMBER_OF_RESULTS, MAX_NUMBER_OF_RESULTS, type SearchType } from './retriever/search-type';
export { KnowledgeBaseRequestError, MAX_SERVICE_MESSAGE_CHARS, type KnowledgeBaseOperation } from './errors/knowledge-base-request-error';
export { KnowledgeBaseInitializationError } from './errors/knowledge-base-initialization-error';
