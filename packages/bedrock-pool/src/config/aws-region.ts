/**
 * Shape of an AWS region name in any partition: `aws` (`us-east-1`, `mx-central-1`), `aws-cn` (`cn-north-1`),
 * `aws-us-gov` (`us-gov-west-1`), `aws-iso*` (`us-iso-east-1`, `us-isob-east-1`, `eu-isoe-west-1`,
 * `us-isof-south-1`) and `aws-eusc` (`eusc-de-east-1`), after the SDK's partition table. Region numbers have any
 * number of digits, as in the SDK. The one region check of the pool, the components and the doctor.
 */
export const AWS_REGION_PATTERN = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?|eusc-[a-z]{2})-[a-z]+-\d+$/;

/** Whether `value` is a well-formed AWS region name (see {@link AWS_REGION_PATTERN}). */
export function isAwsRegion(value: string): boolean {
  return AWS_REGION_PATTERN.test(value);
}
