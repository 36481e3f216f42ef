import { defineComponent, langflowPaletteIds, LANGFLOW_LEGACY_AWS_FIELDS } from '@bedrock-flow/component';
import { buildRetriever } from './build-retriever';
import { COMPONENT_NAME } from './component-name';
import { knowledgeBaseInputs } from './knowledge-base-inputs';
import { retrieveAndGenerate } from './retrieve-and-generate';
import { searchDocuments } from './search-documents';

/**
 * `AmazonBedrockKnowledgeBaseRetriever` ("Amazon Bedrock Knowledge Base"): a Bedrock Knowledge Base on the node's pooled
 * `bedrock-agent-runtime` client. Outputs `retriever` "Retriever" (`build_retriever`, a LangChain retriever),
 * `search_results` "Search Results" (`search_documents`: `{ text, source, score, metadata }[]` for `search_query`) and
 * `answer` "Answer" (`retrieve_and_generate`: RetrieveAndGenerate's answer with citations). With
 * `use_agentic_retrieval` every output asks with AgenticRetrieveStream instead (agentic retrieval). Register it with a
 * `ComponentRegistry`.
 */
export const amazonBedrockKnowledgeBaseRetrieverDefinition = defineComponent({
  name: COMPONENT_NAME,
  displayName: 'Amazon Bedrock Knowledge Base',
  description: 'Retrieve documents from an Amazon Bedrock Knowledge Base, or answer from it with citations.',
  icon: 'Amazon',
  category: 'retrievers',
  aliases: langflowPaletteIds('amazon', COMPONENT_NAME),
  legacyFields: LANGFLOW_LEGACY_AWS_FIELDS,
  inputs: knowledgeBaseInputs,
  outputs: [
    { name: 'retriever', displayName: 'Retriever', method: 'build_retriever', types: ['Retriever'] },
    { name: 'search_results', displayName: 'Search Results', method: 'search_documents', types: ['Data'] },
    { name: 'answer', displayName: 'Answer', method: 'retrieve_and_generate', types: ['Message'] },
  ],
  methods: {
    build_retriever: buildRetriever,
    search_documents: searchDocuments,
    retrieve_and_generate: retrieveAndGenerate,
  },
});
