import { NodeConnectionTypes, type INodeType, type INodeTypeDescription, type ISupplyDataFunctions, type SupplyData } from 'n8n-workflow';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { nodeCredentials } from '../../credentials/node-credentials';
import { liveModelListSearch } from '../../parameters/live-model-list-search';
import { buildConverseChatModel } from './build-converse-chat-model';
import { converseProperties } from './converse-parameters';

/**
 * "Bedrock Chat Model (pooled)": an AI language-model sub-node for n8n's Basic LLM Chain, AI Agent and the other root
 * nodes. Supplies a LangChain `ChatBedrockConverse` (Converse / ConverseStream) on a client kept warm across
 * executions in the process-wide bedrock-flow pool, instead of a new client and TLS connection per execution.
 */
export class LmChatBedrockFlow implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Bedrock Chat Model (pooled)',
    name: 'lmChatBedrockFlow',
    icon: 'file:bedrock-flow.svg',
    group: ['transform'],
    version: 1,
    description: 'Amazon Bedrock chat model (Converse API) on a warm pooled client, by bedrock-flow',
    defaults: { name: 'Bedrock Chat Model (pooled)' },
    codex: {
      categories: ['AI'],
      subcategories: { AI: ['Language Models', 'Root Nodes'], 'Language Models': ['Chat Models (Recommended)'] },
    },
    inputs: [],
    outputs: [NodeConnectionTypes.AiLanguageModel],
    outputNames: ['Model'],
    credentials: nodeCredentials,
    properties: converseProperties,
  };

  methods = { listSearch: { searchModels: liveModelListSearch(amazonBedrockConverseDefinition, 'TEXT') } };

  async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
    return { response: await buildConverseChatModel(this, itemIndex) };
  }
}
