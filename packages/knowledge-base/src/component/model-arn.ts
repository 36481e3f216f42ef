import { parseModelId } from '@bedrock-flow/component';

/** The ARN partition of a region (`aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`). */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * RetrieveAndGenerate's `modelArn` for a `model_id`: an ARN as it is; a foundation model id as its foundation-model
 * ARN in `region`; an inference profile id (`us.…`, `global.…`) as it is (Bedrock takes the id there, and its ARN would
 * need the account id).
 */
export function modelArnOf(modelId: string, region: string): string {
  if (modelId.startsWith('arn:')) return modelId;
  if (parseModelId(modelId).kind === 'inference-profile') return modelId;
  return `arn:${partitionOf(region)}:bedrock:${region}::foundation-model/${modelId}`;
}
