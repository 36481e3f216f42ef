import { NodeConnectionTypes, type INodeType, type INodeTypeDescription, type ISupplyDataFunctions, type SupplyData } from 'n8n-workflow';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { nodeCredentials } from '../../credentials/node-credentials';
import { liveModelListSearch } from '../../parameters/live-model-list-search';
import { withN8nLogging } from '../../run/n8n-llm-tracing';
import { buildBedrockEmbeddings } from './build-bedrock-embeddings';
import { embeddingsProperties } from './embeddings-parameters';

/**
 * "Bedrock Embeddings (pooled)": an AI embedding sub-node for n8n's vector stores. Supplies LangChain `Embeddings`
 * (Titan v1/v2, Cohere v3, batched) on a client kept warm across executions in the process-wide bedrock-flow pool.
 */
export class EmbeddingsBedrockFlow implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Bedrock Embeddings (pooled)',
    name: 'embeddingsBedrockFlow',
    icon: 'file:bedrock-flow.svg',
    group: ['transform'],
    version: 1,
    description: 'Amazon Bedrock embeddings (Titan, Cohere) on a warm pooled client, by bedrock-flow',
    defaults: { name: 'Bedrock Embeddings (pooled)' },
    codex: {
      categories: ['AI'],
      subcategories: { AI: ['Embeddings'] },
    },
    inputs: [],
    outputs: [NodeConnectionTypes.AiEmbedding],
    outputNames: ['Embeddings'],
    credentials: nodeCredentials,
    properties: embeddingsProperties,
  };

  methods = { listSearch: { searchModels: liveModelListSearch(amazonBedrockEmbeddingsDefinition, 'EMBEDDING') } };

  async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
    return { response: withN8nLogging(await buildBedrockEmbeddings(this, itemIndex), this) };
  }
}
