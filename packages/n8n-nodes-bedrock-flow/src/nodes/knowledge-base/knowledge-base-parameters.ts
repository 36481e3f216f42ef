import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '@bedrock-flow/knowledge-base';
import { CREDENTIAL_LABELS } from '../../credentials/credential-labels';
import { authenticationProperty } from '../../credentials/node-credentials';
import { optionLabels, optionsCollection, type OptionSpec } from '../../parameters/options-collection';
import { propertyFromInput } from '../../parameters/property-from-input';

/** The n8n parameter of the knowledge base id (top level: the node needs it). */
export const KNOWLEDGE_BASE_ID_PARAMETER = 'knowledgeBaseId';

/** The "Options" of the Knowledge Base retriever node, each bound to an `AmazonBedrockKnowledgeBaseRetriever` input. */
export const KNOWLEDGE_BASE_OPTIONS: readonly OptionSpec[] = [
  { parameter: 'numberOfResults', input: 'number_of_results' },
  { parameter: 'searchType', input: 'search_type' },
  { parameter: 'metadataFilter', input: 'metadata_filter' },
  { parameter: 'rerankingModel', input: 'reranking_model' },
  { parameter: 'useAgenticRetrieval', input: 'use_agentic_retrieval' },
  { parameter: 'agenticModel', input: 'agentic_model' },
  { parameter: 'maxAgentIterations', input: 'max_agent_iterations' },
  { parameter: 'timeout', input: 'timeout', overrides: { default: 30, description: 'Seconds to wait for each Retrieve call (with agentic retrieval: the longest silence in its stream). Without this option: the pool default.' } },
];

/** The node's parameters: the authentication (which credential), the knowledge base id and the options collection. */
export const knowledgeBaseProperties = [
  authenticationProperty,
  propertyFromInput(amazonBedrockKnowledgeBaseRetrieverDefinition, 'knowledge_base_id', KNOWLEDGE_BASE_ID_PARAMETER, { required: true, placeholder: 'ABCDEFGH12' }),
  optionsCollection(amazonBedrockKnowledgeBaseRetrieverDefinition, KNOWLEDGE_BASE_OPTIONS),
];

/** Labels for error messages: component input -> what the user sees. */
export const KNOWLEDGE_BASE_LABELS: Readonly<Record<string, string>> = {
  ...CREDENTIAL_LABELS,
  ...optionLabels(amazonBedrockKnowledgeBaseRetrieverDefinition, KNOWLEDGE_BASE_OPTIONS),
  knowledge_base_id: 'Knowledge Base ID',
};
