import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import type { ValidationIssue } from '@bedrock-flow/component';
import { amazonBedrockKnowledgeBaseRetrieverDefinition, type BedrockKnowledgeBaseRetriever } from '@bedrock-flow/knowledge-base';
import { nodeConnection } from '../../credentials/node-credentials';
import { toNodeError } from '../../errors/to-node-error';
import { componentValues } from '../../parameters/component-values';
import { OPTIONS_PARAMETER } from '../../parameters/options-collection';
import { componentContext } from '../../run/component-context';
import { createValidatedComponent } from '../../run/create-validated-component';
import { KNOWLEDGE_BASE_ID_PARAMETER, KNOWLEDGE_BASE_LABELS, KNOWLEDGE_BASE_OPTIONS } from './knowledge-base-parameters';

/**
 * Builds the retriever an n8n chain will call: the `AmazonBedrockKnowledgeBaseRetriever` component fed with the node's
 * parameters and AWS credential, validated before any request, then its `build_retriever` output on this node's pooled
 * `bedrock-agent-runtime` client. A Bedrock API key credential is refused by name (API keys do not cover Knowledge Bases).
 */
export async function buildKnowledgeBaseRetriever(fns: ISupplyDataFunctions, itemIndex: number): Promise<BedrockKnowledgeBaseRetriever> {
  const connection = await nodeConnection(fns, itemIndex);
  try {
    const issues: ValidationIssue[] = [...connection.issues];
    const options = fns.getNodeParameter(OPTIONS_PARAMETER, itemIndex, {}) as IDataObject;
    const raw = {
      ...componentValues(amazonBedrockKnowledgeBaseRetrieverDefinition, KNOWLEDGE_BASE_OPTIONS, options, issues),
      knowledge_base_id: fns.getNodeParameter(KNOWLEDGE_BASE_ID_PARAMETER, itemIndex, ''),
      ...connection.values,
    };
    const instance = createValidatedComponent(amazonBedrockKnowledgeBaseRetrieverDefinition, componentContext(fns), raw, issues);
    return instance.build_retriever();
  } catch (error) {
    throw toNodeError(fns.getNode(), error, KNOWLEDGE_BASE_LABELS, itemIndex);
  }
}
