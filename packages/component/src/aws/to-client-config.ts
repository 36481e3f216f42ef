import type { ClientConfig, CredentialSource } from '@bedrock-flow/bedrock-pool';
import type { ComponentContext } from '../definition/component-context';
import { createVariableResolver } from '../secrets/variable-resolver';
import { ComponentValidationError } from '../validation/component-validation-error';
import type { ValidationIssue } from '../validation/validation-issue';
import type { AwsConnectionValues } from './aws-connection-values';
import { ENDPOINT_URL_ALLOWED, findEndpointUrlProblem } from './endpoint-url';
import { AWS_REGION_PATTERN, DEFAULT_AWS_REGION, isAwsRegion } from './regions';

/** Options of {@link toClientConfig}. */
export interface ToClientConfigOptions {
  /** Component name used in validation errors. Default `component`. */
  component?: string;
  /** Prefix of validation error messages (e.g. `ChatBedrockConverse validation error: `). */
  errorPrefix?: string;
  /** HTTP, retry, TLS or proxy settings to add; the pool's defaults apply to whatever is left out. */
  extra?: Omit<ClientConfig, 'region' | 'endpoint' | 'credentials'>;
}

function credentialSource(values: AwsConnectionValues, issues: ValidationIssue[]): CredentialSource {
  const accessKeyId = values.aws_access_key_id?.reveal();
  const secretAccessKey = values.aws_secret_access_key?.reveal();
  if (accessKeyId || secretAccessKey) {
    // Langflow: either key set -> a static session; half a key pair cannot sign, so say so before any call.
    if (!accessKeyId) issues.push({ field: 'aws_access_key_id', problem: 'is unset while aws_secret_access_key is set', allowed: 'both keys, or neither (then the profile or default chain is used)' });
    if (!secretAccessKey) issues.push({ field: 'aws_secret_access_key', problem: 'is unset while aws_access_key_id is set', allowed: 'both keys, or neither (then the profile or default chain is used)' });
    const sessionToken = values.aws_session_token?.reveal();
    // 'node' only when every part used was typed into the node: a part from a host variable or the environment makes
    // these host credentials, which the pool's endpoint policy keeps to AWS endpoints and loopback.
    const parts = [values.aws_access_key_id, values.aws_secret_access_key, ...(sessionToken ? [values.aws_session_token] : [])];
    return {
      kind: 'static',
      accessKeyId: accessKeyId ?? '',
      secretAccessKey: secretAccessKey ?? '',
      ...(sessionToken ? { sessionToken } : {}),
      origin: parts.every((part) => part?.origin.kind === 'value') ? 'node' : 'host',
    };
  }
  const profileValue = values.credentials_profile_name;
  const profile = typeof profileValue === 'string' ? profileValue : profileValue?.reveal();
  if (profile) return { kind: 'profile', profile };
  return { kind: 'default' };
}

/**
 * Turns validated AWS inputs into the pool's `ClientConfig`, with Langflow's credential precedence: access key or
 * secret set -> static credentials (+ session token); else `credentials_profile_name` -> that profile; else the default
 * chain. Region: `region_name`, else the `AWS_REGION` / `AWS_DEFAULT_REGION` variable, else `us-east-1`; it must match
 * the AWS region pattern. Throws a `ComponentValidationError` (no network call) for half a key pair, a bad region or a
 * bad endpoint URL.
 */
export function toClientConfig(
  values: AwsConnectionValues,
  ctx: Pick<ComponentContext, 'variables' | 'env'> = {},
  options: ToClientConfigOptions = {},
): ClientConfig {
  const issues: ValidationIssue[] = [];
  const resolve = createVariableResolver(ctx.variables, ctx.env === undefined ? {} : { env: ctx.env });
  const region = values.region_name ?? resolve('AWS_REGION') ?? resolve('AWS_DEFAULT_REGION') ?? DEFAULT_AWS_REGION;
  if (!isAwsRegion(region)) {
    issues.push({ field: 'region_name', problem: 'does not look like an AWS region', allowed: `a region name matching ${AWS_REGION_PATTERN.source}`, received: JSON.stringify(region.slice(0, 40)) });
  }
  const endpoint = values.endpoint_url;
  if (endpoint !== undefined) {
    const problem = findEndpointUrlProblem(endpoint);
    if (problem) issues.push({ field: 'endpoint_url', problem, allowed: ENDPOINT_URL_ALLOWED });
  }
  const credentials = credentialSource(values, issues);
  if (issues.length > 0) {
    throw new ComponentValidationError(options.component ?? 'component', issues, options.errorPrefix === undefined ? {} : { prefix: options.errorPrefix });
  }
  return {
    ...options.extra,
    region,
    ...(endpoint === undefined ? {} : { endpoint }),
    credentials,
  };
}
