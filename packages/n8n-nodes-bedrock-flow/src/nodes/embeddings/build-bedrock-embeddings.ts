import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import type { ValidationIssue } from '@bedrock-flow/component';
import { amazonBedrockEmbeddingsDefinition, type BedrockBatchedEmbeddings } from '@bedrock-flow/embeddings';
import { AWS_CREDENTIAL_TYPE, awsConnection, type AwsCredentialData } from '../../credentials/aws-credential';
import { toNodeError } from '../../errors/to-node-error';
import { componentValues } from '../../parameters/component-values';
import { MODEL_PARAMETER } from '../../parameters/model-property';
import { OPTIONS_PARAMETER } from '../../parameters/options-collection';
import { componentContext } from '../../run/component-context';
import { createValidatedComponent } from '../../run/create-validated-component';
import { EMBEDDINGS_LABELS, EMBEDDINGS_OPTIONS } from './embeddings-parameters';

/**
 * Builds the embeddings an n8n vector store will call: the `AmazonBedrockEmbeddings` component fed with the node's
 * parameters and `aws` credential, validated before any request, then its `build_embeddings` output: Titan (one
 * text per request, bounded concurrency) or Cohere (96 texts per request) on this node's pooled client.
 */
export async function buildBedrockEmbeddings(fns: ISupplyDataFunctions, itemIndex: number): Promise<BedrockBatchedEmbeddings> {
  const credential = await fns.getCredentials<AwsCredentialData & IDataObject>(AWS_CREDENTIAL_TYPE, itemIndex);
  try {
    const issues: ValidationIssue[] = [];
    const connection = awsConnection(credential);
    issues.push(...connection.issues);
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
