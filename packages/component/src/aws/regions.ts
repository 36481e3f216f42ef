/** AWS regions offered by Langflow's Bedrock components (`AWS_REGIONS`), in Langflow's order. */
export const AWS_REGIONS = [
  'us-west-2',
  'us-west-1',
  'us-gov-west-1',
  'us-gov-east-1',
  'us-east-2',
  'us-east-1',
  'sa-east-1',
  'me-south-1',
  'me-central-1',
  'il-central-1',
  'eu-west-3',
  'eu-west-2',
  'eu-west-1',
  'eu-south-2',
  'eu-south-1',
  'eu-north-1',
  'eu-central-2',
  'eu-central-1',
  'cn-northwest-1',
  'cn-north-1',
  'ca-west-1',
  'ca-central-1',
  'ap-southeast-5',
  'ap-southeast-4',
  'ap-southeast-3',
  'ap-southeast-2',
  'ap-southeast-1',
  'ap-south-2',
  'ap-south-1',
  'ap-northeast-3',
  'ap-northeast-2',
  'ap-northeast-1',
  'ap-east-1',
  'af-south-1',
] as const;

/** Default region of the Bedrock components (Langflow's default). */
export const DEFAULT_AWS_REGION = 'us-east-1';

// The region check is the pool's, so the pool, the components and the doctor agree on what a region is.
export { AWS_REGION_PATTERN, isAwsRegion } from '@bedrock-flow/bedrock-pool';
