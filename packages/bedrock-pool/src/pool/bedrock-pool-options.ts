import type { ClientConfig } from '../config/client-config';
import type { EndpointPolicyOptions } from '../endpoint-policy/endpoint-policy-options';
import type { PoolLogger } from '../logging/pool-logger';

/** Options of `new BedrockPool(options)`. Every field is optional. */
export interface BedrockPoolOptions {
  /** Config merged under every `acquire` (e.g. `{ tls: { ca } }` for an emulator). Default `{}`. */
  defaults?: Partial<ClientConfig>;
  /** A slot unused (no acquire, no request) this long is evicted, its leases dropped. `0` disables. Default 15 min. */
  idleTtlMs?: number;
  /** Bound on live slots; creating one more evicts the least recently used idle slot first. Default `64`. */
  maxSlots?: number;
  /** A slot whose last lease went is kept this long, so release-then-reacquire during a rebuild does not reconnect. Default `5_000`. */
  releaseGraceMs?: number;
  /** Bound on waiting for in-flight requests and streams when a slot is drained or the pool closed. Default `30_000`. */
  drainTimeoutMs?: number;
  /** Connections `graphBuildStarted` opens per known slot. Default `1`. */
  warmConnections?: number;
  /** Refresh expiring credentials this long before expiry (capped at half their lifetime). Default 5 min. */
  credentialRefreshBeforeExpiryMs?: number;
  /** Feed OpenTelemetry instruments when `@opentelemetry/api` is installed. Default `true`. */
  openTelemetry?: boolean;
  /**
   * Which endpoints may receive which credentials, checked on every `acquire` before any slot or network call.
   * Default `{}`: AWS Bedrock Runtime endpoints take any credentials; loopback and other hosts (those only over https)
   * only credentials typed into the node (`origin: 'node'`), never the host's; `http://` only to loopback. A local
   * emulator used with host credentials is allowed with `allowedHosts: ['127.0.0.1:4000']`. See {@link EndpointPolicyOptions}.
   */
  endpointPolicy?: EndpointPolicyOptions;
  /** Where the pool logs (slot ids and fingerprints, never secrets). Default: silent. */
  logger?: PoolLogger;
}
