/**
 * Which endpoints a pool may send requests to, and with whose credentials (pool option `endpointPolicy`).
 *
 * Without any option: AWS Bedrock Runtime endpoints (every partition, FIPS, dual-stack, VPC endpoint names) and
 * loopback receive any credentials; any other host only over `https://` and only with credentials typed into the
 * node itself (`origin: 'node'`), never with credentials the host provides (environment, default chain, profiles,
 * host variables, `AWS_BEARER_TOKEN_BEDROCK`); `http://` only to loopback.
 */
export interface EndpointPolicyOptions {
  /**
   * Extra hosts trusted like AWS endpoints (they may receive host-provided credentials over `https://`): exact names
   * or IP literals (`gateway.corp.example`, `10.0.0.7`, `[fd00::7]`) or `*.suffix` patterns (`*.corp.example` matches
   * every name below `corp.example`, not `corp.example` itself), each with an optional `:port` (without one, any
   * port). Names are compared as WHATWG `URL` parses them (lower case, punycode, canonical IP forms). Default `[]`.
   */
  allowedHosts?: readonly string[];
  /**
   * Hosts that may be reached over cleartext `http://` (loopback always may), same pattern syntax as
   * {@link allowedHosts}. This lifts only the cleartext rule: host-provided credentials still need the host to be an
   * AWS endpoint, loopback or in `allowedHosts`. Default `[]`.
   */
  allowedHttpHosts?: readonly string[];
  /**
   * Turns the policy off: any endpoint, over http or https, with any credentials. Only for single-user installs where
   * the person who edits flows also owns the host's credentials. Default `false`.
   */
  allowAnyEndpoint?: boolean;
}
