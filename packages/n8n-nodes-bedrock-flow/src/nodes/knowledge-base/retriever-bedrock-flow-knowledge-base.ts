import { NodeConnectionTypes, type INodeType, type INodeTypeDescription, type ISupplyDataFunctions, type SupplyData } from 'n8n-workflow';
import { nodeCredentials } from '../../credentials/node-credentials';
import { buildKnowledgeBaseRetriever } from './build-knowledge-base-retriever';
import { knowledgeBaseProperties } from './knowledge-base-parameters';

/**
 * "Bedrock Knowledge Base Retriever (pooled)": an AI retriever sub-node for n8n's chains (Question and Answer Chain).
 * Supplies a LangChain retriever on an Amazon Bedrock Knowledge Base (Retrieve), on a `bedrock-agent-runtime` client
 * kept warm across executions in the process-wide bedrock-flow pool.
 */
export class RetrieverBedrockFlowKnowledgeBase implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Bedrock Knowledge Base Retriever (pooled)',
    name: 'retrieverBedrockFlowKnowledgeBase',
    icon: 'file:bedrock-flow.svg',
    group: ['transform'],
    version: 1,
    description: 'Retrieve chunks from an Amazon Bedrock Knowledge Base on a warm pooled client, by bedrock-flow',
    defaults: { name: 'Bedrock Knowledge Base Retriever (pooled)' },
    codex: {
      categories: ['AI'],
      subcategories: { AI: ['Retrievers'] },
    },
    inputs: [],
    outputs: [NodeConnectionTypes.AiRetriever],
    outputNames: ['Retriever'],
    credentials: nodeCredentials,
    properties: knowledgeBaseProperties,
  };

  async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
    return { response: await buildKnowledgeBaseRetriever(this, itemIndex) };
  }
}
