/** One AWS partition: which region names belong to it and the DNS suffix of its regional endpoints. */
export interface AwsPartition {
  /** Partition id, e.g. `aws-cn`. */
  id: string;
  /** Region names of the partition. */
  regionPattern: RegExp;
  /** DNS suffix of regional endpoints, e.g. `amazonaws.com.cn`. */
  dnsSuffix: string;
}

/**
 * The AWS partitions, from the SDK's own partition table (`@aws-sdk/core` `util-endpoints/lib/aws/partitions.js`,
 * `regionRegex` and `dnsSuffix`), most specific first so `us-gov-…` and `us-iso-…` win over the commercial shape.
 */
export const AWS_PARTITIONS: readonly AwsPartition[] = [
  { id: 'aws-us-gov', regionPattern: /^us-gov-[a-z]+-\d+$/, dnsSuffix: 'amazonaws.com' },
  { id: 'aws-iso', regionPattern: /^us-iso-[a-z]+-\d+$/, dnsSuffix: 'c2s.ic.gov' },
  { id: 'aws-iso-b', regionPattern: /^us-isob-[a-z]+-\d+$/, dnsSuffix: 'sc2s.sgov.gov' },
  { id: 'aws-iso-e', regionPattern: /^eu-isoe-[a-z]+-\d+$/, dnsSuffix: 'cloud.adc-e.uk' },
  { id: 'aws-iso-f', regionPattern: /^us-isof-[a-z]+-\d+$/, dnsSuffix: 'csp.hci.ic.gov' },
  { id: 'aws-eusc', regionPattern: /^eusc-[a-z]{2}-[a-z]+-\d+$/, dnsSuffix: 'amazonaws.eu' },
  { id: 'aws-cn', regionPattern: /^cn-[a-z]+-\d+$/, dnsSuffix: 'amazonaws.com.cn' },
  { id: 'aws', regionPattern: /^[a-z]{2}-[a-z]+-\d+$/, dnsSuffix: 'amazonaws.com' },
];

/** The partition of `region`, or `undefined` when it has no partition's shape (a custom or local region name). */
export function partitionOf(region: string): AwsPartition | undefined {
  return AWS_PARTITIONS.find((partition) => partition.regionPattern.test(region));
}

/** Host of the Bedrock Runtime endpoint of `region`: `bedrock-runtime.<region>.<partition DNS suffix>`. */
export function regionalBedrockRuntimeHost(region: string): string {
  return `bedrock-runtime.${region}.${partitionOf(region)?.dnsSuffix ?? 'amazonaws.com'}`;
}
