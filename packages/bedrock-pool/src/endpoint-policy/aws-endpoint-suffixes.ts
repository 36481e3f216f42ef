/**
 * DNS suffixes of every AWS partition, regional (`dnsSuffix`) and dual-stack (`dualStackDnsSuffix`), as the AWS SDK's
 * partition table lists them (`@aws-sdk/core` `partitionsInfo`, checked against the Bedrock Runtime endpoint
 * resolver by `aws-endpoint-host.test.ts`): aws, aws-us-gov, aws-cn, aws-eusc (EU sovereign cloud), aws-iso,
 * aws-iso-b, aws-iso-e, aws-iso-f.
 */
export const AWS_DNS_SUFFIXES: readonly string[] = [
  'amazonaws.com',
  'amazonaws.com.cn',
  'amazonaws.eu',
  'c2s.ic.gov',
  'sc2s.sgov.gov',
  'cloud.adc-e.uk',
  'csp.hci.ic.gov',
];

/** Dual-stack suffixes of the same partitions, in the same order (aws and aws-us-gov share `api.aws`). */
export const AWS_DUAL_STACK_DNS_SUFFIXES: readonly string[] = [
  'api.aws',
  'api.amazonwebservices.com.cn',
  'api.amazonwebservices.eu',
  'api.aws.ic.gov',
  'api.aws.scloud',
  'api.cloud-aws.adc-e.uk',
  'api.aws.hci.ic.gov',
];
