import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { ClientLease, type AcquireOptions, type BedrockService, type ClientConfig, type NodeIdentity } from '@bedrock-flow/bedrock-pool';
import type { ComponentPool } from '@bedrock-flow/component';

/** Options of {@link NaiveClientFactory}. */
export interface NaiveClientFactoryOptions {
  /** Extra CA to trust (the emulator's). Default: Node's roots. */
  ca?: string;
}

/**
 * Mode (a), "naive": what upstream Langflow, Flowise and n8n components do. Every node build
 * creates a stock `BedrockRuntimeClient` (the SDK's default handler: HTTP/2 with
 * `disableConcurrentStreams: true`, so a new connection per call) with its own credential provider;
 * nothing survives the build. Create one factory per graph build and `destroy()` it with the graph.
 */
export class NaiveClientFactory implements ComponentPool {
  readonly #ca: string | undefined;
  /** One client per node for the life of this build, as a component instance would hold it. */
  readonly #clients = new Map<string, ClientLease>();

  constructor(options: NaiveClientFactoryOptions = {}) {
    this.#ca = options.ca;
  }

  /**
   * A new stock client the first time a node asks during this build; the same one after that. Bedrock Runtime only:
   * a lease of another service (a Knowledge Base node's agent runtime) is refused with an error that says so.
   */
  acquire(identity: NodeIdentity, config: ClientConfig): ClientLease;
  acquire<S extends BedrockService>(identity: NodeIdentity, config: ClientConfig, options: AcquireOptions<S> & { service: S }): ClientLease<S>;
  acquire(identity: NodeIdentity, config: ClientConfig, options?: AcquireOptions): ClientLease<BedrockService> {
    if (options?.service !== undefined && options.service !== 'bedrock-runtime') {
      throw new Error(`naive mode builds stock Bedrock Runtime clients only, not ${options.service} clients`);
    }
    const existing = this.#clients.get(identity.nodeId);
    if (existing) return existing;
    const lease = new ClientLease(identity, new BedrockRuntimeClient(stockClientConfig(config, this.#ca)), 'naive', `naive-${this.#clients.size + 1}`);
    this.#clients.set(identity.nodeId, lease);
    return lease;
  }

  /** Clients created so far. */
  get clientsCreated(): number {
    return this.#clients.size;
  }

  /** Drops the build's clients (upstream leaves them to the garbage collector; this keeps tests free of open handles). */
  destroy(): void {
    for (const lease of this.#clients.values()) lease.client.destroy();
    this.#clients.clear();
  }
}

/**
 * The SDK client config a stock component builds from the same inputs: region, endpoint and
 * credentials only. The one addition is the emulator's CA, passed to the default HTTP/2 handler with
 * the SDK's own default (`disableConcurrentStreams: true`) kept.
 */
export function stockClientConfig(config: ClientConfig, ca?: string): BedrockRuntimeClientConfig {
  const credentials = config.credentials ?? { kind: 'default' };
  return {
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(credentials.kind === 'static'
      ? { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) } }
      : {}),
    // A Bedrock API key: the SDK's bearer auth, as a stock client given a token does.
    ...(credentials.kind === 'bearer' ? { token: { token: credentials.token }, authSchemePreference: ['httpBearerAuth'] } : {}),
    // Like boto3's Session(profile_name=…): the default chain, started at the named profile.
    ...(credentials.kind === 'profile' ? { profile: credentials.profile } : {}),
    ...(ca ? { requestHandler: { disableConcurrentStreams: true, nodeHttp2ConnectOptions: { ca } } } : {}),
  };
}
