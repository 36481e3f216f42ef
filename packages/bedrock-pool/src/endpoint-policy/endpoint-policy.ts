import type { CredentialSource } from '../config/client-config';
import { ConfigValidationError } from '../errors/config-validation-error';
import { credentialOriginOf } from './credential-origin';
import { decideEndpoint, type CompiledEndpointPolicy, type EndpointRefusalDetails } from './decide-endpoint';
import { EndpointNotAllowedError } from './endpoint-not-allowed-error';
import type { EndpointPolicyOptions } from './endpoint-policy-options';
import { parseHostPattern } from './host-pattern';
import { parseEndpointTarget } from './parse-endpoint-target';

const OPTION_NAMES = ['allowedHosts', 'allowedHttpHosts', 'allowAnyEndpoint'] as const;
/** Distinct (endpoint, credential kind, origin) decisions kept; past it the memo starts over (flows use a handful). */
const MEMO_LIMIT = 512;

/**
 * The pool's endpoint policy ({@link EndpointPolicyOptions}), compiled once. {@link check} runs on every acquire that
 * is not the warm path (whose raw config, endpoint and credential origin included, was already checked); its
 * decision per (endpoint, credential kind, origin) is memoised, so repeated acquires parse no URL.
 */
export class EndpointPolicy {
  readonly #policy: CompiledEndpointPolicy;
  readonly #decisions = new Map<string, (EndpointRefusalDetails & { endpoint: string; host: string }) | null>();

  /** Validates and compiles `options`; throws {@link ConfigValidationError} naming `endpointPolicy.<field>`. */
  constructor(options: EndpointPolicyOptions = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new ConfigValidationError('endpointPolicy', `expected an object, got ${options === null ? 'null' : typeof options}`, `an object with ${OPTION_NAMES.join(', ')}`);
    }
    for (const key of Object.keys(options)) {
      if (!(OPTION_NAMES as readonly string[]).includes(key)) {
        throw new ConfigValidationError(`endpointPolicy.${key}`, 'is not an endpoint policy option', OPTION_NAMES.join(', '));
      }
    }
    if (options.allowAnyEndpoint !== undefined && typeof options.allowAnyEndpoint !== 'boolean') {
      throw new ConfigValidationError('endpointPolicy.allowAnyEndpoint', `got ${typeof options.allowAnyEndpoint}`, 'true or false');
    }
    this.#policy = {
      allowAny: options.allowAnyEndpoint === true,
      trustedHosts: patterns(options.allowedHosts, 'endpointPolicy.allowedHosts'),
      httpHosts: patterns(options.allowedHttpHosts, 'endpointPolicy.allowedHttpHosts'),
    };
  }

  /** Whether the policy is off (`allowAnyEndpoint`). */
  get allowsAnyEndpoint(): boolean {
    return this.#policy.allowAny;
  }

  /**
   * Throws {@link EndpointNotAllowedError} when `credentials` may not be sent to `endpoint`. No endpoint means the SDK's
   * regional AWS endpoint: allowed. An endpoint that does not parse is judged as an unknown host (fails closed).
   */
  check(endpoint: string | undefined, credentials: CredentialSource): void {
    if (endpoint === undefined || this.#policy.allowAny) return;
    const origin = credentialOriginOf(credentials);
    const key = `${origin}\u0000${credentials.kind}\u0000${endpoint}`;
    let refusal = this.#decisions.get(key);
    if (refusal === undefined) {
      // Config validation already refused unparseable URLs; should one get here, it is judged as an unknown host.
      const target = parseEndpointTarget(endpoint) ?? { protocol: 'https:' as const, host: '', absolute: false, port: 443, display: '(an unparseable URL)' };
      const details = decideEndpoint(target, origin, this.#policy, labelOf(credentials));
      refusal = details ? { ...details, endpoint: target.display, host: target.host } : null;
      if (this.#decisions.size >= MEMO_LIMIT) this.#decisions.clear();
      this.#decisions.set(key, refusal);
    }
    // A new error per refusal: its stack belongs to this acquire.
    if (refusal) throw new EndpointNotAllowedError(refusal);
  }
}

function patterns(list: unknown, field: string) {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new ConfigValidationError(field, `expected an array, got ${typeof list}`, 'an array of host patterns');
  return list.map((entry: unknown, index) => parseHostPattern(entry, `${field}[${index}]`));
}

/** A secret-free name of the credential source for messages (never a key id: it may have come from a variable). */
function labelOf(credentials: CredentialSource): string {
  switch ((credentials as { kind: string }).kind) {
    case 'static':
      return "access keys from a host variable, the environment or the host's stored settings";
    case 'bearer':
      return "an API key from a host variable, the environment or the host's stored settings";
    case 'profile':
      return 'an AWS profile of the host';
    default:
      return 'the default credential chain: environment, AWS_BEARER_TOKEN_BEDROCK, profiles, instance or container role';
  }
}
