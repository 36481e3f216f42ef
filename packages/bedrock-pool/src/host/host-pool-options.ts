import type { BedrockPoolOptions } from '../pool/bedrock-pool-options';
import type { EndpointPolicyOptions } from '../endpoint-policy/endpoint-policy-options';
import { endpointPolicyFromEnv } from '../endpoint-policy/endpoint-policy-from-env';
import { ConfigValidationError } from '../errors/config-validation-error';

/** What a host knows when it creates its process-wide pool (see {@link hostPoolOptions}). */
export interface HostPoolSettings {
  /** Pool options the operator configured in the host's own settings (Node-RED `settings.js`, an embedder). Default none. */
  configured?: BedrockPoolOptions | undefined;
  /**
   * The operator's endpoint policy from the host's settings, winning over `configured.endpointPolicy` and the
   * environment. Default none: `configured.endpointPolicy`, else {@link endpointPolicyFromEnv}.
   */
  endpointPolicy?: EndpointPolicyOptions | undefined;
  /** The process environment the policy (and the idle TTL variable) is read from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Name of an environment variable holding the idle TTL in ms (`0` keeps clients forever), for hosts with no hook
   * that tells a node its workflow was deactivated (n8n). Default none: the pool's idle TTL.
   */
  idleTtlEnv?: string;
}

/**
 * The options of a host's process-wide pool, resolved once: the operator's configured options, the endpoint policy
 * from the host's settings or else the environment (`BEDROCK_FLOW_ALLOWED_ENDPOINTS`, `BEDROCK_FLOW_ALLOWED_HTTP_ENDPOINTS`,
 * `BEDROCK_FLOW_ALLOW_ANY_ENDPOINT`; none set -> the pool's default policy), and the idle TTL from `idleTtlEnv` unless
 * configured. Throws `ConfigValidationError` (field = the variable's name) for an idle TTL that is not a whole number
 * of ms >= 0.
 */
export function hostPoolOptions(settings: HostPoolSettings = {}): BedrockPoolOptions {
  const env = settings.env ?? process.env;
  const configured = settings.configured;
  const options: BedrockPoolOptions = configured && typeof configured === 'object' ? { ...configured } : {};
  if (settings.endpointPolicy !== undefined) options.endpointPolicy = settings.endpointPolicy;
  else if (options.endpointPolicy === undefined) options.endpointPolicy = endpointPolicyFromEnv(env);
  if (settings.idleTtlEnv !== undefined && options.idleTtlMs === undefined) {
    const idleTtlMs = idleTtlFromEnv(env, settings.idleTtlEnv);
    if (idleTtlMs !== undefined) options.idleTtlMs = idleTtlMs;
  }
  return options;
}

function idleTtlFromEnv(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new ConfigValidationError(name, `got ${JSON.stringify(raw.slice(0, 20))}`, 'a whole number of milliseconds >= 0 (0 disables the idle TTL)');
  }
  return ms;
}
