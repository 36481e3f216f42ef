import type { ClientConfig, CredentialSource } from '@bedrock-flow/bedrock-pool';
import type { ComponentContext } from '../definition/component-context';
import { createVariableResolver } from '../secrets/variable-resolver';
import { ComponentValidationError } from '../validation/component-validation-error';
import type { ValidationIssue } from '../validation/validation-issue';
import type { Secret } from '../secrets/secret';
import type { AwsConnectionValues } from './aws-connection-values';
import { AWS_ACCESS_KEY_ID_SHAPE } from './credential-value-rules';
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

/** `'node'` when every secret part was typed into the node (literal values), else `'host'` (variables, environment). */
function originOf(...secrets: Array<Secret | undefined>): 'node' | 'host' {
  return secrets.every((secret) => secret === undefined || secret.origin.kind === 'value') ? 'node' : 'host';
}

/**
 * Per logger, the last key id warned about (as a length and its first 2 characters, never the value), so a saved flow
 * rebuilt on every run warns once, not on every build.
 */
const lastWarned = new WeakMap<object, string>();

function warnIfUnlikeAwsKeyId(accessKeyId: Secret, ctx: Pick<ComponentContext, 'logger'>): void {
  const logger = ctx.logger;
  // Only about a key id typed into the node: whether a variable's value looks like a key id (and its length) would
  // describe the host's secret to whoever named the variable.
  if (!logger?.warn || accessKeyId.origin.kind !== 'value') return;
  const value = accessKeyId.reveal();
  if (AWS_ACCESS_KEY_ID_SHAPE.test(value)) return;
  const seen = `${value.length}:${value.slice(0, 2)}`;
  if (lastWarned.get(logger) === seen) return;
  lastWarned.set(logger, seen);
  logger.warn(
    'aws_access_key_id does not look like an AWS access key id (AKIA… or ASIA…, then 12+ upper-case letters and digits); ' +
      'it is sent as is (fine for LocalStack, MinIO-style or proxy keys; check that no secret was pasted into it)',
    { field: 'aws_access_key_id', length: value.length },
  );
}

function credentialSource(values: AwsConnectionValues, issues: ValidationIssue[], ctx: Pick<ComponentContext, 'logger'>): CredentialSource {
  // A Bedrock API key wins over access keys and the profile, as a bearer token does in the SDK.
  const apiKey = values.api_key;
  if (apiKey !== undefined) return { kind: 'bearer', token: apiKey.reveal(), origin: originOf(apiKey) };
  const accessKeyId = values.aws_access_key_id?.reveal();
  const secretAccessKey = values.aws_secret_access_key?.reveal();
  if (accessKeyId || secretAccessKey) {
    // Langflow: either key set -> a static session; half a key pair cannot sign, so say so before any call.
    if (!accessKeyId) issues.push({ field: 'aws_access_key_id', problem: 'is unset while aws_secret_access_key is set', allowed: 'both keys, or neither (then the profile or default chain is used)' });
    if (!secretAccessKey) issues.push({ field: 'aws_secret_access_key', problem: 'is unset while aws_access_key_id is set', allowed: 'both keys, or neither (then the profile or default chain is used)' });
    if (accessKeyId && values.aws_access_key_id) warnIfUnlikeAwsKeyId(values.aws_access_key_id, ctx);
    const sessionToken = values.aws_session_token?.reveal();
    return {
      kind: 'static',
      accessKeyId: accessKeyId ?? '',
      secretAccessKey: secretAccessKey ?? '',
      ...(sessionToken ? { sessionToken } : {}),
      origin: originOf(values.aws_access_key_id, values.aws_secret_access_key, sessionToken ? values.aws_session_token : undefined),
    };
  }
  const profileValue = values.credentials_profile_name;
  const profile = typeof profileValue === 'string' ? profileValue : profileValue?.reveal();
  if (!profile && values.aws_session_token?.reveal()) {
    // A session token signs only with its key pair. Beside a profile it is ignored as in Langflow (the node still runs
    // on the profile its flow names); alone, dropping it would run the node on the host's default chain instead.
    issues.push({ field: 'aws_session_token', problem: 'is set while aws_access_key_id and aws_secret_access_key are unset', allowed: 'a session token together with both keys, or no session token' });
  }
  if (profile) {
    // A name typed into the node is the author's own text and may be shown; one read from a variable never is.
    const origin = typeof profileValue === 'string' ? { kind: 'value' as const } : profileValue!.origin;
    if (origin.kind === 'value') return { kind: 'profile', profile, nameOrigin: 'node' };
    return { kind: 'profile', profile, nameOrigin: 'host', ...(origin.kind === 'variable' ? { nameVariable: origin.name } : {}) };
  }
  return { kind: 'default' };
}

/**
 * Turns validated AWS inputs into the pool's `ClientConfig`. Credential precedence: a Bedrock API key (`api_key`) ->
 * bearer; else Langflow's: access key or secret set -> static credentials (+ session token); else
 * `credentials_profile_name` -> that profile; else the default chain. Static and bearer sources carry `origin`:
 * `'node'` when every secret part was typed into the node, `'host'` when any came from a variable or the environment.
 * `timeout` (seconds) becomes `http.requestTimeoutMs` (the node's wait for every call).
 * An access key id typed into the node unlike an AWS one (`AKIA…`/`ASIA…`) is sent as is, with a `ctx.logger.warn`
 * (never for one from a variable: nothing about a variable's value is reported). A profile name typed into the node is
 * marked `nameOrigin: 'node'` (shown in the pool's labels); one from a variable `nameOrigin: 'host'` with its variable name. Region: `region_name`, else the `AWS_REGION` / `AWS_DEFAULT_REGION` variable, else `us-east-1`; it must match
 * the AWS region pattern. Throws a `ComponentValidationError` (no network call) for half a key pair, a bad region or a
 * bad endpoint URL.
 */
export function toClientConfig(
  values: AwsConnectionValues,
  ctx: Pick<ComponentContext, 'variables' | 'env' | 'logger'> = {},
  options: ToClientConfigOptions = {},
): ClientConfig {
  const issues: ValidationIssue[] = [];
  const resolve = createVariableResolver(ctx.variables, ctx.env === undefined ? {} : { env: ctx.env });
  const regionVariable = values.region_name !== undefined ? undefined : resolve('AWS_REGION') !== undefined ? 'AWS_REGION' : resolve('AWS_DEFAULT_REGION') !== undefined ? 'AWS_DEFAULT_REGION' : undefined;
  const region = values.region_name ?? (regionVariable === undefined ? DEFAULT_AWS_REGION : (resolve(regionVariable) as string));
  if (!isAwsRegion(region)) {
    issues.push(
      regionVariable === undefined
        ? { field: 'region_name', problem: 'does not look like an AWS region', allowed: `a region name matching ${AWS_REGION_PATTERN.source}`, received: JSON.stringify(region.slice(0, 40)) }
        : // A variable's value is never echoed: name the variable instead.
          { field: 'region_name', problem: `is empty, so the variable ${regionVariable} is used, and its value does not look like an AWS region (the value is not shown)`, allowed: `a region name matching ${AWS_REGION_PATTERN.source} in region_name or ${regionVariable}` },
    );
  }
  const endpoint = values.endpoint_url;
  if (endpoint !== undefined) {
    const problem = findEndpointUrlProblem(endpoint);
    if (problem) issues.push({ field: 'endpoint_url', problem, allowed: ENDPOINT_URL_ALLOWED });
  }
  const credentials = credentialSource(values, issues, ctx);
  if (issues.length > 0) {
    throw new ComponentValidationError(options.component ?? 'component', issues, options.errorPrefix === undefined ? {} : { prefix: options.errorPrefix });
  }
  // The node's Timeout (seconds) replaces every operation's default wait of this node's client.
  const timeout = values.timeout;
  const http = timeout === undefined ? options.extra?.http : { ...options.extra?.http, requestTimeoutMs: Math.max(1, Math.round(timeout * 1_000)) };
  return {
    ...options.extra,
    ...(http === undefined ? {} : { http }),
    region,
    ...(endpoint === undefined ? {} : { endpoint }),
    credentials,
  };
}
