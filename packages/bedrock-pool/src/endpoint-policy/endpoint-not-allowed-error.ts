import { BedrockPoolError } from '../errors/bedrock-pool-error';
import { redactSecrets } from '../errors/redact-secrets';

/** Why the endpoint policy refused an endpoint. */
export type EndpointRefusal =
  /** Host-provided credentials (environment, default chain, profile, host variable, env API key) to a host outside AWS and `allowedHosts` (loopback included). */
  | 'host-credentials-to-untrusted-host'
  /** Cleartext `http://` to a host other than loopback, not allowed by the operator. */
  | 'cleartext-to-non-loopback-host';

/**
 * `acquire` refused an endpoint under the pool's endpoint policy, before any slot, connection or request. The message
 * says what was refused, why, what is allowed and which pool option an operator sets to allow it.
 */
export class EndpointNotAllowedError extends BedrockPoolError {
  /** The input concerned: `endpoint_url`. */
  override readonly field = 'endpoint_url';
  /** The refused endpoint as `protocol//host:port` (never user info, path or query). */
  readonly endpoint: string;
  /** The refused host (canonical). */
  readonly host: string;
  /** Why it was refused. */
  readonly reason: EndpointRefusal;
  /** What is allowed instead. */
  readonly allowed: string;

  constructor(details: { endpoint: string; host: string; reason: EndpointRefusal; problem: string; allowed: string; remedy: string }) {
    // The host is the flow author's text: a secret pasted into it must not be echoed, as everywhere in the pool.
    super('ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED', redactSecrets(`endpoint_url ${details.endpoint} is not allowed: ${details.problem}. Allowed: ${details.allowed}. ${details.remedy}`));
    this.endpoint = redactSecrets(details.endpoint);
    this.host = redactSecrets(details.host);
    this.reason = details.reason;
    this.allowed = details.allowed;
  }
}
