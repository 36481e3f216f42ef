/**
 * Which endpoints a pool may send requests to, and with whose credentials (pool option `endpointPolicy`).
 *
 * Without any option: AWS Bedrock endpoints (bedrock-runtime, bedrock, bedrock-agent-runtime; every partition, FIPS, dual-stack, VPC endpoint names) receive any
 * credentials; loopback and any other host only credentials typed into the node itself (`origin: 'node'`), never
 * credentials the host provides (environment, default chain, profiles, `credential_process`, host variables,
 * `AWS_BEARER_TOKEN_BEDROCK`, a Node-RED config node's stored keys). Loopback is not trusted with host credentials
 * because hosts serve flow-defined routes there (Node-RED `http in`, n8n webhooks): an operator running a local
 * emulator allows its port in {@link allowedHosts} (`127.0.0.1:4000`). `http://` only to loopback (exactly
 * `localhost`, 127.0.0.0/8, `::1`; not `localhost.`, which DNS answers).
 */
export interface EndpointPolicyOptions {
  /**
   * Extra hosts trusted like AWS endpoints (they may receive host-provided credentials): exact names or IP literals
   * (`gateway.corp.example`, `10.0.0.7`, `[fd00::7]`, `127.0.0.1:4000` for a local emulator) or `*.suffix` patterns
   * (`*.corp.example` matches every name below `corp.example`, not `corp.example` itself), each with an optional
   * `:port` (without one, any port: prefer the emulator's exact port, since other loopback ports may serve host
   * routes; there is no `:*`). Names are compared as WHATWG `URL` parses them (lower case, punycode, canonical IP
   * forms); `localhost` does not match `localhost.`. Default `[]`.
   */
  allowedHosts?: readonly string[];
  /**
   * Hosts that may be reached over cleartext `http://` (loopback always may), same pattern syntax as
   * {@link allowedHosts}. This lifts only the cleartext rule: host-provided credentials still need the host to be an
   * AWS endpoint or in `allowedHosts`. Default `[]`.
   */
  allowedHttpHosts?: readonly string[];
  /**
   * Turns the policy off: any endpoint, over http or https, with any credentials. Only for single-user installs where
   * the person who edits flows also owns the host's credentials. Default `false`.
   */
  allowAnyEndpoint?: boolean;
}
