import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { NormalizedClientConfig } from '../config/normalize-config';
import { AttemptOptionsHandler } from '../attempts/attempt-options-handler';
import { addAttemptPolicyMiddleware } from '../attempts/attempt-policy-middleware';
import { authClientConfig } from '../credentials/auth-client-config';
import { describeCredentialSource } from '../credentials/credential-source';
import type { CredentialProviderStats, SharedCredentialProvider } from '../credentials/shared-credential-provider';
import { WarmUpError } from '../errors/warm-up-error';
import type { BedrockService, BedrockServiceClient } from '../services/bedrock-service';
import { createServiceClient } from '../services/create-service-client';
import { MetricsRecorder, type MetricsSummary } from '../metrics/metrics-recorder';
import { addOperationMetricsMiddleware } from '../metrics/operation-metrics-middleware';
import { MeasuredRequestHandler } from '../transport/measured-request-handler';
import type { SharedTransport } from '../transport/shared-transport';
import { warmConnections } from '../warm-up/warm-connections';

/** Lifecycle state of a slot: `active` (leased), `idle` (no lease, in its grace period), `draining`, `destroyed`. */
export type SlotState = 'active' | 'idle' | 'draining' | 'destroyed';

/** A slot as shown in metrics and events: no secrets, plain JSON. */
export interface SlotDescription {
  slotId: string;
  /** The Bedrock service of the slot's client (`bedrock-runtime`, `bedrock`, `bedrock-agent-runtime`). */
  service: BedrockService;
  fingerprint: string;
  state: SlotState;
  region: string;
  /** Target origin, e.g. `https://127.0.0.1:4000`. */
  endpoint: string;
  transport: 'http1' | 'http2';
  /** Safe label of the credential source. */
  credentialSource: string;
  /** Whether the slot connects through a proxy (its URL is not shown: it may hold a password). */
  proxied: boolean;
  /** Leases (identities) held. */
  leases: number;
  /** The transport (sockets) the slot uses; slots with the same endpoint and transport settings share one. */
  transportId: string;
}

/**
 * Per-slot metrics in a snapshot. Request figures (`requests`, `inFlight`, `operations`, errors, time to first byte,
 * duration) are the slot's own; connection figures (`connectionsOpened`, `connectionsOpen`, `tlsHandshakes`,
 * `requestsOnReusedConnections`, `latency.connectMs` / `tlsMs`) are those of the transport it shares (see
 * `pool.metrics().endpoints`), as credential figures are those of the provider it shares.
 */
export interface SlotMetricsSnapshot extends SlotDescription {
  metrics: MetricsSummary;
  credentials: CredentialProviderStats;
}

/**
 * One SDK client of a Bedrock service (by default a `BedrockRuntimeClient`) with its own request handler and credentials (a reference to the shared provider of
 * its credential source), over a transport it may share with slots of other credentials to the same endpoint. The
 * client, its handler, its retry state and its credentials are never shared across credential sources; the
 * transport carries no identity (every request is signed or authorized on its own) and outlives the slot when
 * other slots use it.
 */
export class ClientSlot<S extends BedrockService = BedrockService> {
  readonly slotId: string;
  readonly fingerprint: string;
  readonly service: S;
  readonly client: BedrockServiceClient<S>;
  readonly recorder: MetricsRecorder;
  readonly credentials: SharedCredentialProvider;
  readonly transport: SharedTransport;
  /** Lease keys held on this slot. */
  readonly leaseKeys = new Set<string>();
  /** Last acquire or request, ms since epoch (for the idle TTL and LRU eviction). */
  lastUsedAt = Date.now();
  #state: SlotState = 'active';
  #handler: MeasuredRequestHandler;
  #onDestroyed: () => void;
  #config: Pick<NormalizedClientConfig, 'region' | 'target' | 'transport'> & { proxied: boolean; credentialSource: string };
  #drained: Promise<void> | undefined;
  #warming: Promise<void> | undefined;
  /** The client authenticates with the environment's bearer token, so its SigV4 credentials are never asked for. */
  #sigv4Unused: boolean;

  /**
   * @param transport retained for this slot by the caller; `onDestroyed` (called once, by `destroy()`) lets go of it.
   */
  constructor(
    slotId: string,
    fingerprint: string,
    config: NormalizedClientConfig,
    credentials: SharedCredentialProvider,
    transport: SharedTransport,
    parentRecorder: MetricsRecorder,
    onDestroyed: () => void,
  ) {
    this.slotId = slotId;
    this.fingerprint = fingerprint;
    this.service = config.service as S;
    this.credentials = credentials;
    this.transport = transport;
    this.#onDestroyed = onDestroyed;
    // Keep only secret-free parts of the config; the credentials live in the shared provider.
    this.#config = {
      region: config.region,
      target: config.target,
      transport: config.transport,
      proxied: config.proxy !== undefined,
      credentialSource: describeCredentialSource(config.credentials).label,
    };
    // As the SDK decides (`AWS_BEARER_TOKEN_BEDROCK` present): a default-chain client then sends that token and never
    // resolves SigV4 keys, which a host holding only an API key does not have: warming them would only fail.
    // The agent-runtime client has no bearer scheme: it always signs with SigV4.
    this.#sigv4Unused = config.credentials.kind === 'default' && 'AWS_BEARER_TOKEN_BEDROCK' in process.env && config.service !== 'bedrock-agent-runtime';
    // Packed histograms: a pool may hold thousands of slots (one per tenant credential); see README, Many tenants.
    this.recorder = new MetricsRecorder({ parent: parentRecorder, attributes: { slot: slotId }, packedHistograms: true });
    const touch = () => {
      this.lastUsedAt = Date.now();
    };
    // The call's wait by operation and per-call options are applied per slot (its own http settings) over the shared
    // transport: each attempt carries its bound, so slots with different waits still share sockets (issue 22 + 26).
    const attempts = new AttemptOptionsHandler(transport.inner, config.http, transport.kind);
    this.#handler = new MeasuredRequestHandler(transport, this.recorder, { onActivity: touch, inner: attempts });
    this.client = createServiceClient(this.service, {
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, useFipsEndpoint: false, useDualstackEndpoint: false } : {}),
      // The endpoint is the one the policy judged (the config's, or the region's AWS host): never one the SDK would
      // read from AWS_ENDPOINT_URL[_BEDROCK_RUNTIME] or a profile's endpoint_url, which would carry the host's
      // credentials to a URL no policy checked (issue 21, careless-user.test.ts).
      ignoreConfiguredEndpointUrls: true,
      ...authClientConfig(config.credentials, credentials),
      requestHandler: this.#handler as never,
      retryMode: config.retry.mode,
      maxAttempts: config.retry.maxAttempts,
    });
    // The middlewares use only the stack's shape, which the three service clients share (their command unions differ).
    const stackOwner = this.client as unknown as BedrockRuntimeClient;
    addOperationMetricsMiddleware(stackOwner, this.recorder);
    // Bounds by operation; a generation that may have been billed is not sent again (issue 22). Control-plane and
    // agent-runtime calls are `other` operations: bounded by `otherTimeoutMs`, retried like any call.
    addAttemptPolicyMiddleware(stackOwner, config.http, config.retry.afterWrite);
  }

  /** Current lifecycle state. */
  get state(): SlotState {
    return this.#state;
  }

  /** Requests (and streams) not finished yet. */
  get inFlight(): number {
    return this.#handler.inFlight;
  }

  /** Marks the slot leased (`active`) or unleased (`idle`); no effect once draining. */
  setLeased(leased: boolean): void {
    if (this.#state === 'active' || this.#state === 'idle') this.#state = leased ? 'active' : 'idle';
  }

  /** Whether a warm-up would do nothing: credentials cached and `connections` (http2: one session) open. */
  isWarm(connections: number): boolean {
    if (this.#state === 'draining' || this.#state === 'destroyed') return true;
    const wanted = this.#config.transport === 'http2' ? 1 : connections;
    return this.#warming === undefined && (this.#sigv4Unused || this.credentials.fresh) && this.transport.connectionsOpen >= wanted;
  }

  /**
   * Resolves credentials and tops the connection pool up to `connections` (http2: one session) without
   * invoking a model. A no-op when that many connections are already open.
   */
  async warm(connections: number): Promise<void> {
    if (this.#state === 'draining' || this.#state === 'destroyed') return;
    if (this.#warming) return this.#warming;
    const warming = this.#warmNow(connections);
    this.#warming = warming;
    // Requests arriving meanwhile wait, then reuse the warmed connections instead of opening their own.
    this.#handler.holdRequestsUntil(warming);
    try {
      await warming;
    } finally {
      this.#warming = undefined;
    }
  }

  async #warmNow(connections: number): Promise<void> {
    if (!this.#sigv4Unused) await this.credentials.warm();
    const wanted = this.#config.transport === 'http2' ? 1 : connections;
    if (this.transport.connectionsOpen >= wanted) return;
    try {
      // Slots sharing the endpoint warm its sockets once: a second slot waits for the first one's warm-up.
      await this.transport.warmOnce(() => warmConnections(this.#handler, this.#config.target, wanted, this.recorder));
    } catch (error) {
      throw new WarmUpError(this.slotId, error);
    }
  }

  /** Waits for in-flight requests and streams (at most `timeoutMs`), then destroys the slot. Returns whether it timed out. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.#state === 'destroyed') return Promise.resolve(false);
    this.#state = 'draining';
    let timedOut = false;
    const drained = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
      timer.unref();
      void this.#handler.whenIdle().then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.#drained ??= drained.then(() => this.destroy());
    return this.#drained.then(() => timedOut);
  }

  /**
   * Destroys the client now, aborting the slot's in-flight work, and lets go of the transport (whose sockets close
   * only when no other slot uses them). Idempotent.
   */
  destroy(): void {
    if (this.#state === 'destroyed') return;
    this.#state = 'destroyed';
    this.client.destroy();
    this.#onDestroyed();
  }

  /** Secret-free description. */
  describe(): SlotDescription {
    return {
      slotId: this.slotId,
      service: this.service,
      fingerprint: this.fingerprint,
      state: this.#state,
      region: this.#config.region,
      endpoint: this.transport.endpoint,
      transport: this.#config.transport,
      credentialSource: this.#config.credentialSource,
      proxied: this.#config.proxied,
      leases: this.leaseKeys.size,
      transportId: this.transport.transportId,
    };
  }

  /** Description plus metrics. */
  snapshot(): SlotMetricsSnapshot {
    const credentials = this.credentials.stats();
    const metrics = this.recorder.summary();
    // Credential counters belong to the provider shared by every slot with this source: show its figures.
    metrics.credentialResolutions = credentials.resolutions;
    metrics.credentialResolutionsOnRequestPath = credentials.resolutionsOnRequestPath;
    metrics.credentialRefreshes = credentials.backgroundRefreshes;
    metrics.credentialFailures = credentials.failures;
    // Connection figures belong to the transport the slot shares: show its figures.
    const connections = this.transport.recorder.summary();
    metrics.connectionsOpened = connections.connectionsOpened;
    metrics.connectionsOpen = connections.connectionsOpen;
    metrics.tlsHandshakes = connections.tlsHandshakes;
    metrics.requestsOnReusedConnections = connections.requestsOnReusedConnections;
    metrics.latency.connectMs = connections.latency.connectMs;
    metrics.latency.tlsMs = connections.latency.tlsMs;
    return { ...this.describe(), metrics, credentials };
  }

  /** The secret-free description. */
  toJSON(): SlotDescription {
    return this.describe();
  }

  /** One-line, secret-free summary for `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const d = this.describe();
    return `ClientSlot(${d.slotId} ${d.service} ${d.state} ${d.transport} ${d.endpoint} ${d.credentialSource} ${d.fingerprint})`;
  }
}
