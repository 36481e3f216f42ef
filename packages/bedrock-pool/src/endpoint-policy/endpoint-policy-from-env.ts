import { ConfigValidationError } from '../errors/config-validation-error';
import type { EndpointPolicyOptions } from './endpoint-policy-options';

/** Environment variables {@link endpointPolicyFromEnv} reads. */
export const ENDPOINT_POLICY_ENV = {
  /** Comma- or space-separated `allowedHosts` patterns, e.g. `gateway.corp.example:8443, *.bedrock.corp.example`. */
  allowedHosts: 'BEDROCK_FLOW_ALLOWED_ENDPOINTS',
  /** Comma- or space-separated `allowedHttpHosts` patterns. */
  allowedHttpHosts: 'BEDROCK_FLOW_ALLOWED_HTTP_ENDPOINTS',
  /** `true`/`1`/`yes` turns the policy off (`allowAnyEndpoint`); `false`/`0`/`no`/empty leaves it on. */
  allowAnyEndpoint: 'BEDROCK_FLOW_ALLOW_ANY_ENDPOINT',
} as const;

/**
 * The endpoint policy an operator set in the environment, for hosts that configure through it (n8n, containers):
 * `BEDROCK_FLOW_ALLOWED_ENDPOINTS`, `BEDROCK_FLOW_ALLOWED_HTTP_ENDPOINTS`, `BEDROCK_FLOW_ALLOW_ANY_ENDPOINT`. Unset
 * variables leave the default. Patterns are validated when the pool is built; a bad switch value throws
 * {@link ConfigValidationError} here.
 *
 * @example new BedrockPool({ endpointPolicy: endpointPolicyFromEnv(process.env) })
 */
export function endpointPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): EndpointPolicyOptions {
  const options: { -readonly [K in keyof EndpointPolicyOptions]: EndpointPolicyOptions[K] } = {};
  const allowedHosts = list(env[ENDPOINT_POLICY_ENV.allowedHosts]);
  if (allowedHosts) options.allowedHosts = allowedHosts;
  const allowedHttpHosts = list(env[ENDPOINT_POLICY_ENV.allowedHttpHosts]);
  if (allowedHttpHosts) options.allowedHttpHosts = allowedHttpHosts;
  const any = env[ENDPOINT_POLICY_ENV.allowAnyEndpoint]?.trim().toLowerCase();
  if (any !== undefined && any !== '') {
    if (['true', '1', 'yes'].includes(any)) options.allowAnyEndpoint = true;
    else if (!['false', '0', 'no'].includes(any)) {
      throw new ConfigValidationError(ENDPOINT_POLICY_ENV.allowAnyEndpoint, `got ${JSON.stringify(any.slice(0, 20))}`, 'true, 1, yes, false, 0 or no');
    }
  }
  return options;
}

function list(value: string | undefined): string[] | undefined {
  const entries = value?.split(/[\s,]+/).filter((entry) => entry !== '');
  return entries && entries.length > 0 ? entries : undefined;
}
