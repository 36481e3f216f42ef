import type { CredentialOrigin } from './credential-origin';
import type { EndpointRefusal } from './endpoint-not-allowed-error';
import { matchesHostPattern, type HostPattern } from './host-pattern';
import { isAwsEndpointHost } from './is-aws-endpoint-host';
import { isLoopbackHost } from './is-loopback-host';
import type { EndpointTarget } from './parse-endpoint-target';

/** An endpoint policy with its patterns compiled. */
export interface CompiledEndpointPolicy {
  /** `allowAnyEndpoint`. */
  allowAny: boolean;
  /** `allowedHosts`: trusted like AWS endpoints. */
  trustedHosts: readonly HostPattern[];
  /** `allowedHttpHosts`: may be reached over `http://`. */
  httpHosts: readonly HostPattern[];
}

/** A refusal, with the parts of its message. */
export interface EndpointRefusalDetails {
  reason: EndpointRefusal;
  problem: string;
  allowed: string;
  remedy: string;
}

const TRUSTED =
  'AWS Bedrock endpoints (bedrock-runtime, bedrock and bedrock-agent-runtime[-fips].<region>.amazonaws.com, .api.aws, .amazonaws.com.cn and the other AWS partitions, VPC endpoint names) and the hosts in endpointPolicy.allowedHosts';

/**
 * The policy's decision for `target` reached with credentials of `origin` (`undefined`: allowed):
 * 1. cleartext `http://` only to loopback or an `allowedHttpHosts` host, whoever's credentials;
 * 2. host-provided credentials only to AWS Bedrock Runtime endpoints or an `allowedHosts` host. Loopback is not
 *    trusted with them: hosts serve flow-defined routes there (a Node-RED `http in` node, an n8n webhook), which
 *    would receive the signed request or the API key. An operator who runs a local emulator allows its port;
 * node-provided credentials (typed into the node by its author) may go to loopback and to any host over https.
 */
export function decideEndpoint(target: EndpointTarget, origin: CredentialOrigin, policy: CompiledEndpointPolicy, credentialLabel: string): EndpointRefusalDetails | undefined {
  if (policy.allowAny) return undefined;
  const { host, port, absolute } = target;
  const loopback = !absolute && isLoopbackHost(host);
  const matches = (patterns: readonly HostPattern[]) => patterns.some((p) => matchesHostPattern(p, host, port, absolute));
  const cleartextRefused = target.protocol === 'http:' && !loopback && !matches(policy.httpHosts);
  const trusted = isAwsEndpointHost(host) || matches(policy.trustedHosts);
  const defaultPort = target.protocol === 'https:' ? 443 : 80;
  const hostPort = `${host.includes(':') ? `[${host}]` : host}${port === defaultPort ? '' : `:${port}`}`;
  if (origin === 'host' && !trusted) {
    const what = loopback ? `host "${host}" is loopback, where the host may serve routes a flow defines,` : `host "${host}" is not an AWS Bedrock endpoint,`;
    return {
      reason: 'host-credentials-to-untrusted-host',
      problem:
        `${what} and this node's credentials are provided by the host (${credentialLabel}); ` +
        'credentials the host provides are sent only to AWS endpoints and the hosts the operator allows, so that a flow cannot send them elsewhere' +
        (cleartextRefused ? ' (and http:// is allowed only to loopback)' : ''),
      allowed: `${TRUSTED}; loopback and any other https:// host only with access keys or an API key typed into the node itself (not from a variable or the host's settings)`,
      remedy: `An operator who trusts this host allows it with the pool option endpointPolicy.allowedHosts: ["${hostPort}"] (env BEDROCK_FLOW_ALLOWED_ENDPOINTS=${hostPort})${cleartextRefused ? ` and endpointPolicy.allowedHttpHosts: ["${hostPort}"]` : ''}.`,
    };
  }
  if (cleartextRefused) {
    return {
      reason: 'cleartext-to-non-loopback-host',
      problem: `http:// sends requests and their credentials in clear text, and "${host}${absolute ? '.' : ''}" is not loopback`,
      allowed: 'https:// to any allowed host; http:// only to loopback (exactly localhost, 127.0.0.0/8, ::1)',
      remedy: `Use https://, or an operator allows cleartext to this host with the pool option endpointPolicy.allowedHttpHosts: ["${hostPort}"] (env BEDROCK_FLOW_ALLOWED_HTTP_ENDPOINTS).`,
    };
  }
  return undefined;
}
