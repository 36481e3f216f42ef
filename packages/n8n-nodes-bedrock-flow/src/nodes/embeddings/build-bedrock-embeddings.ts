import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import type { ValidationIssue } from '@bedrock-flow/component';
import { amazonBedrockEmbeddingsDefinition, type BedrockBatchedEmbeddings } from '@bedrock-flow/embeddings';
import { nodeConnection } from '../../credentials/node-credentials';
import { toNodeError } from '../../errors/to-node-error';
import { componentValues } from '../../parameters/component-values';
import { MODEL_PARAMETER } from '../../parameters/model-property';
import { OPTIONS_PARAMETER } from '../../parameters/options-collection';
import { componentContext } from '../../run/component-context';
import { createValidatedComponent } from '../../run/create-validated-component';
import { EMBEDDINGS_LABELS, EMBEDDINGS_OPTIONS } from './embeddings-parameters';

/**
 * Builds the embeddings an n8n vector store will call: the `AmazonBedrockEmbeddings` component fed with the node's
 * parameters and credential (`aws` keys or a Bedrock API key), validated before any request, then its `build_embeddings` output: Titan (one
 * text per request, bounded concurrency) or Cohere (96 texts per request) on this node's pooled client.
 */
export async function buildBedrockEmbeddings(fns: ISupplyDataFunctions, itemIndex: number): Promise<BedrockBatchedEmbeddings> {
  const connection = await nodeConnection(fns, itemIndex);
  try {
    const issues: ValidationIssue[] = [...connection.issues];
    const options = fns.getNodeParameter(OPTIONS_PARAMETER, itemIndex, {}) as IDataObject;
    const raw = {
      ...componentValues(amazonBedrockEmbeddingsDefinition, EMBEDDINGS_OPTIONS, options, issues),
      model_id: fns.getNodeParameter(MODEL_PARAMETER, itemIndex, '', { extractValue: true }),
      ...connection.values,
    };
    const instance = createValidatedComponent(amazonBedrockEmbeddingsDefinition, componentContext(fns), raw, issues);
    return instance.build_embeddings();
  } catch (error) {
    throw toNodeError(fns.getNode(), error, EMBEDDINGS_LABELS, itemIndex);
  }
}
