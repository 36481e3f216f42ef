import type { NodeIdentity } from '../config/client-config';
import type { BedrockService, BedrockServiceClient } from '../services/bedrock-service';

/** A lease as plain JSON: identity, slot and fingerprint, no client and no secret. */
export interface ClientLeaseJSON {
  graphId: string;
  nodeId: string;
  /** Present for a lease of another service than `bedrock-runtime`. */
  service?: BedrockService;
  slotId: string;
  fingerprint: string;
}

/**
 * What `acquire` returns: the warm client of service `S` (default Bedrock Runtime) for an identity. The same object
 * comes back while the identity's config fingerprint for that service is unchanged; a changed config yields a new
 * lease on another slot.
 */
export class ClientLease<S extends BedrockService = 'bedrock-runtime'> {
  /** The node this lease belongs to. */
  readonly identity: Readonly<NodeIdentity>;
  /** The Bedrock service of {@link client}. */
  readonly service: S;
  /** The pooled client (`BedrockRuntimeClient`, `BedrockClient` or `BedrockAgentRuntimeClient` by service). Do not `destroy()` it: the pool owns it. */
  readonly client: BedrockServiceClient<S>;
  /** Fingerprint of the config (secrets only as per-process HMACs). */
  readonly fingerprint: string;
  /** Id of the slot holding the client. */
  readonly slotId: string;
  /**
   * Secret-free identity of the lease's credentials, for keying per-credential state such as a cache
   * (`cs1-…`): equal for equal credential sources in this process, different for different ones, and
   * meaningless outside the process (secrets enter only as per-process HMACs). `undefined` when the
   * lease was not made by a `BedrockPool` and the credentials are unknown.
   */
  readonly credentialScope: string | undefined;

  /** `service` last, so leases made before services existed (`new ClientLease(identity, client, …)`) stay Bedrock Runtime ones. */
  constructor(identity: NodeIdentity, client: BedrockServiceClient<S>, fingerprint: string, slotId: string, credentialScope?: string, service?: S) {
    this.identity = Object.freeze({ graphId: identity.graphId, nodeId: identity.nodeId });
    this.service = (service ?? 'bedrock-runtime') as S;
    this.client = client;
    this.fingerprint = fingerprint;
    this.slotId = slotId;
    this.credentialScope = credentialScope;
  }

  /** Identity, slot id and fingerprint; no client, no secret. */
  toJSON(): ClientLeaseJSON {
    const service = this.service === 'bedrock-runtime' ? {} : { service: this.service };
    return { ...this.identity, ...service, slotId: this.slotId, fingerprint: this.fingerprint };
  }

  /** One-line, secret-free summary for `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const service = this.service === 'bedrock-runtime' ? '' : ` ${this.service}`;
    return `ClientLease(${this.identity.graphId}/${this.identity.nodeId}${service} -> ${this.slotId} ${this.fingerprint})`;
  }
}
