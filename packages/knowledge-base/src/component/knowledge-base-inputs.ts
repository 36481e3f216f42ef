import { z } from 'zod';
import {
  awsAccessKeyIdInput,
  awsSecretAccessKeyInput,
  awsSessionTokenInput,
  bedrockApiKeyInput,
  boolInput,
  credentialsProfileNameInput,
  dropdownInput,
  endpointUrlInput,
  intInput,
  messageTextInput,
  modelIdInput,
  regionNameInput,
  strInput,
  timeoutInput,
  type InputValues,
} from '@bedrock-flow/component';
import { DEFAULT_NUMBER_OF_RESULTS, MAX_NUMBER_OF_RESULTS, MIN_NUMBER_OF_RESULTS, SEARCH_TYPES } from '../retriever/search-type';
import { MIN_AGENT_ITERATIONS } from '../retriever/agentic-retrieval';
import { KNOWLEDGE_BASE_ID_PATTERN } from '../retriever/knowledge-base-id';
import { metadataFilterInput } from './metadata-filter-input';

export { KNOWLEDGE_BASE_ID_PATTERN };

/** `agentic_model`'s option for Bedrock's own planning model (`foundationModelType: MANAGED`). */
export const MANAGED_AGENTIC_MODEL = 'MANAGED';

/** `agentic_model`: MANAGED, or a model id, inference profile id or model ARN (sent as `foundationModelType: CUSTOM`). */
const AGENTIC_MODEL = /^(MANAGED|arn:aws[a-z-]*:bedrock:[a-z0-9-]{1,20}:[0-9]{0,12}:[a-z-]+\/[a-zA-Z0-9.:/-]{1,200}|[a-z0-9-]+\.[a-zA-Z0-9.:-]{1,200})$/;

/** The reranking models Bedrock offers for Knowledge Bases (where the region has them). */
export const RERANKING_MODEL_IDS = ['amazon.rerank-v1:0', 'cohere.rerank-v3-5:0'] as const;

/**
 * Inputs of `AmazonBedrockKnowledgeBaseRetriever`: the knowledge base (`knowledge_base_id`, `search_query`,
 * `number_of_results` 1 to 100 default 5, `search_type`, `metadata_filter`, `reranking_model`), agentic retrieval
 * (`use_agentic_retrieval` default off, `agentic_model` default MANAGED, `max_agent_iterations` 2 or more default
 * Bedrock's; the Answer output asks Bedrock for a generated response, the others for the documents only), the
 * generation model of the Answer output (`model_id`), then the AWS inputs in Langflow's order (keys, session token, profile, region,
 * endpoint) and `timeout`. `api_key` is listed only to be refused by name: Bedrock API keys do not cover Agents for
 * Amazon Bedrock Runtime, where Retrieve and RetrieveAndGenerate live (AWS user guide, "Supported Regions and AWS SDKs
 * for Amazon Bedrock API keys"); it reads no default variable, so `AWS_BEARER_TOKEN_BEDROCK` in the host does not
 * break the node.
 */
export const knowledgeBaseInputs = {
  knowledge_base_id: strInput({
    displayName: 'Knowledge Base ID',
    info: 'The id of the Bedrock Knowledge Base to query (10 letters and digits, shown in the Bedrock console).',
    required: true,
    schema: z.string().regex(KNOWLEDGE_BASE_ID_PATTERN, 'Invalid knowledge base id'),
    allowed: 'a knowledge base id: 1 to 10 letters and digits, e.g. ABCDEFGH12',
  }),
  search_query: messageTextInput({
    displayName: 'Search Query',
    info: 'The query for Search Results, and the question for Answer. Not needed for the Retriever output (its caller asks).',
  }),
  number_of_results: intInput({
    displayName: 'Number of Results',
    info: `How many chunks to retrieve per query (${MIN_NUMBER_OF_RESULTS} to ${MAX_NUMBER_OF_RESULTS}).`,
    default: DEFAULT_NUMBER_OF_RESULTS,
    min: MIN_NUMBER_OF_RESULTS,
    max: MAX_NUMBER_OF_RESULTS,
  }),
  search_type: dropdownInput({
    displayName: 'Search Type',
    info: 'DEFAULT lets Bedrock choose; HYBRID combines vector and keyword search (OpenSearch Serverless stores with a filterable text field); SEMANTIC uses vectors only.',
    options: SEARCH_TYPES,
    default: 'DEFAULT',
    advanced: true,
  }),
  metadata_filter: metadataFilterInput(),
  reranking_model: dropdownInput({
    displayName: 'Reranking Model',
    info: 'Rerank the retrieved chunks with a Bedrock reranking model (in the regions that offer it). Empty: no reranking.',
    options: RERANKING_MODEL_IDS,
    typedValue: z.string().regex(/^(arn:aws[a-z-]*:bedrock:[a-z0-9-]+::foundation-model\/)?[a-z0-9-]+\.[a-z0-9.:-]+$/, 'Invalid reranking model id'),
    allowed: `${RERANKING_MODEL_IDS.join(' or ')}, or another reranking model id or foundation-model ARN`,
    advanced: true,
  }),
  // Agentic retrieval (https://docs.aws.amazon.com/bedrock/latest/userguide/kb-test-agentic-retrieve.html). The name
  // follows Langflow PR #14014; the default does not (there it is on, with a silent fallback to Retrieve): off keeps
  // saved flows on Retrieve, and on never falls back.
  use_agentic_retrieval: boolInput({
    displayName: 'Use Agentic Retrieval',
    info:
      'Ask with AgenticRetrieveStream: a foundation model splits the query into sub-queries, retrieves, checks the results and ' +
      '(for the Answer output only) answers with citations. Calls a model, so it is billed as one. Off: Retrieve and RetrieveAndGenerate.',
    default: false,
  }),
  agentic_model: dropdownInput({
    displayName: 'Agentic Model',
    info: 'The model that plans and answers in agentic retrieval: MANAGED (Bedrock chooses), or a model id, inference profile id or model ARN.',
    options: [MANAGED_AGENTIC_MODEL],
    default: MANAGED_AGENTIC_MODEL,
    typedValue: z.string().regex(AGENTIC_MODEL, 'Invalid agentic model'),
    allowed: 'MANAGED, or a model id (anthropic.claude-…), an inference profile id (us.…) or a model ARN',
    advanced: true,
  }),
  max_agent_iterations: intInput({
    displayName: 'Max Agent Iterations',
    info: `How many plan-retrieve rounds agentic retrieval may take (${MIN_AGENT_ITERATIONS} or more). Empty: Bedrock's default.`,
    min: MIN_AGENT_ITERATIONS,
    advanced: true,
  }),
  model_id: modelIdInput({
    displayName: 'Generation Model',
    info: 'The model that writes the Answer output with standard retrieval (RetrieveAndGenerate): a model id, an inference profile id or an ARN. Agentic retrieval uses Agentic Model.',
    advanced: true,
  }),
  aws_access_key_id: awsAccessKeyIdInput(),
  aws_secret_access_key: awsSecretAccessKeyInput(),
  aws_session_token: awsSessionTokenInput(),
  credentials_profile_name: credentialsProfileNameInput(),
  // Listed so a key given here (or by a host's shared connection) is refused by name rather than dropped: see buildRetriever.
  api_key: bedrockApiKeyInput({
    defaultVariable: null,
    info: 'Not accepted here: Bedrock API keys do not cover Knowledge Bases (Agents for Amazon Bedrock Runtime). Use AWS credentials.',
  }),
  region_name: regionNameInput(),
  endpoint_url: endpointUrlInput(),
  timeout: timeoutInput({ info: 'Seconds to wait for each Retrieve or RetrieveAndGenerate call (for AgenticRetrieveStream: the longest silence between its events). Empty: the pool default.' }),
};

/** Validated values of {@link knowledgeBaseInputs}. */
export type KnowledgeBaseValues = InputValues<typeof knowledgeBaseInputs>;
