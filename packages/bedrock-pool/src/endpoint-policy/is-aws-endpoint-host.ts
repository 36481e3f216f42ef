import { AWS_DNS_SUFFIXES, AWS_DUAL_STACK_DNS_SUFFIXES } from './aws-endpoint-suffixes';

const escape = (suffix: string): string => suffix.replace(/[.]/g, '\\.');
/** An AWS region name: `us-east-1`, `us-gov-west-1`, `us-isob-east-1`, `eusc-de-east-1`, `ap-southeast-5`. */
const REGION = '[a-z]{2,4}(?:-[a-z]+)+-\\d+';
const ANY_SUFFIX = `(?:${[...AWS_DNS_SUFFIXES, ...AWS_DUAL_STACK_DNS_SUFFIXES].map(escape).join('|')})`;
const REGIONAL_SUFFIX = `(?:${AWS_DNS_SUFFIXES.map(escape).join('|')})`;
/** The endpoint prefixes of the services a pool leases clients of (`BedrockService`): runtime, control plane, agent runtime. */
const SERVICE = '(?:bedrock-runtime|bedrock|bedrock-agent-runtime)';
/** `{service}[-fips].{region}.{dnsSuffix | dualStackDnsSuffix}`: the names the SDKs' endpoint resolvers build. */
const SERVICE_ENDPOINT = new RegExp(`^${SERVICE}(?:-fips)?\\.${REGION}\\.${ANY_SUFFIX}$`);
/** Interface VPC endpoint names: `vpce-{id}[-{suffix}][-{az}].{service}.{region}.vpce.{dnsSuffix}`. */
const VPC_ENDPOINT = new RegExp(`^vpce-[a-z0-9]+(?:-[a-z0-9]+)*\\.${SERVICE}\\.${REGION}\\.vpce\\.${REGIONAL_SUFFIX}$`);

/**
 * Whether `host` (canonical, lower case, no trailing dot) is an AWS endpoint of Bedrock Runtime (`bedrock-runtime`),
 * the Bedrock control plane (`bedrock`) or the Bedrock Agent Runtime (`bedrock-agent-runtime`) in any partition:
 * regional, FIPS, dual-stack or an interface VPC endpoint name. Deliberately not every `*.amazonaws.com` or
 * `*.api.aws` name: customers own names there (API Gateway `*.execute-api…`, load balancers `*.elb…`, EC2 public DNS
 * `ec2-…compute…`, S3 websites, PrivateLink services `vpce-…vpce-svc-…`), and a request sent to one of them lands on
 * a server the customer runs, not on Bedrock.
 */
export function isAwsEndpointHost(host: string): boolean {
  return SERVICE_ENDPOINT.test(host) || VPC_ENDPOINT.test(host);
}
