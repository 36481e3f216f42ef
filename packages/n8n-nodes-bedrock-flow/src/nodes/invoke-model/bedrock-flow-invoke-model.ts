import {
  NodeConnectionTypes,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { nodeConnection, nodeCredentials } from '../../credentials/node-credentials';
import { toNodeError } from '../../errors/to-node-error';
import { liveModelListSearch } from '../../parameters/live-model-list-search';
import { invokeModelItem } from './invoke-model-item';
import { INVOKE_LABELS, invokeModelProperties } from './invoke-model-parameters';

/**
 * "Bedrock InvokeModel (pooled)": a plain action node generating text with InvokeModel (Anthropic, Titan, Nova,
 * Llama, Mistral, Cohere, AI21 bodies), one call per input item, on a client kept warm across executions in the
 * process-wide bedrock-flow pool. Honours "Continue On Fail" per item.
 */
export class BedrockFlowInvokeModel implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Bedrock InvokeModel (pooled)',
    name: 'bedrockFlowInvokeModel',
    icon: 'file:bedrock-flow.svg',
    group: ['transform'],
    version: 1,
    subtitle: '={{ $parameter["model"].value ?? $parameter["model"] }}',
    description: 'Generate text with Amazon Bedrock InvokeModel on a warm pooled client, by bedrock-flow',
    defaults: { name: 'Bedrock InvokeModel (pooled)' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: nodeCredentials,
    properties: invokeModelProperties,
  };

  methods = { listSearch: { searchModels: liveModelListSearch(amazonBedrockModelDefinition, 'TEXT') } };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const out: INodeExecutionData[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const connection = await nodeConnection(this, itemIndex);
        out.push({ json: await invokeModelItem(this, itemIndex, connection), pairedItem: { item: itemIndex } });
      } catch (error) {
        const nodeError = toNodeError(this.getNode(), error, INVOKE_LABELS, itemIndex);
        if (!this.continueOnFail()) throw nodeError;
        out.push({ json: { error: nodeError.message, description: nodeError.description ?? null }, pairedItem: { item: itemIndex } });
      }
    }
    return [out];
  }
}
