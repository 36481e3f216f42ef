import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { NodeIdentity } from '../config/client-config';

/** A lease as plain JSON: identity, slot and fingerprint, no client and no secret. */
export interface ClientLeaseJSON {
  graphId: string;
  nodeId: string;
  slotId: string;
  fingerprint: string;
}

/**
 * What `acquire` returns: the warm client for an identity. The same object comes back while the identity's
 * config fingerprint is unchanged; a changed config yields a new lease on another slot.
 */
export class ClientLease {
  /** The node this lease belongs to. */
  readonly identity: Readonly<NodeIdentity>;
  /** The pooled client. Do not `destroy()` it: the pool owns it. */
  readonly client: BedrockRuntimeClient;
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

  constructor(identity: NodeIdentity, client: BedrockRuntimeClient, fingerprint: string, slotId: string, credentialScope?: string) {
    this.identity = Object.freeze({ graphId: identity.graphId, nodeId: identity.nodeId });
    this.client = client;
    this.fingerprint = fingerprint;
    this.slotId = slotId;
    this.credentialScope = credentialScope;
  }

  /** Identity, slot id and fingerprint; no client, no secret. */
  toJSON(): ClientLeaseJSON {
    return { ...this.identity, slotId: this.slotId, fingerprint: this.fingerprint };
  }

  /** One-line, secret-free summary for `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `ClientLease(${this.identity.graphId}/${this.identity.nodeId} -> ${this.slotId} ${this.fingerprint})`;
  }
}
