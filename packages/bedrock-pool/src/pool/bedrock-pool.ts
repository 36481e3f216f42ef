import { EventEmitter } from 'node:events';
import type { ClientConfig, NodeIdentity } from '../config/client-config';
import { fingerprintConfig } from '../config/fingerprint-config';
import { normalizeConfig } from '../config/normalize-config';
import { normalizePoolOptions, type NormalizedPoolOptions } from '../config/normalize-pool-options';
import { RawConfigMemo } from '../config/raw-config-memo';
import { CredentialRegistry } from '../credentials/credential-registry';
import { credentialScopeOf } from '../credentials/credential-source';
import { EndpointPolicy } from '../endpoint-policy/endpoint-policy';
import type { CredentialEvent } from '../credentials/shared-credential-provider';
import { ConfigValidationError } from '../errors/config-validation-error';
import { PoolClosedError } from '../errors/pool-closed-error';
import type { PoolLogger } from '../logging/pool-logger';
import { MetricsRecorder } from '../metrics/metrics-recorder';
import { loadOpenTelemetrySink } from '../metrics/open-telemetry-sink';
import type { PoolMetricsSnapshot } from '../metrics/pool-metrics-snapshot';
import { TransportRegistry } from '../transport/transport-registry';
import { BEDROCK_SERVICES, validateService, type AcquireOptions, type BedrockService } from '../services/bedrock-service';
import type { BedrockPoolEventMap, SlotRetireReason } from './bedrock-pool-events';
import type { BedrockPoolOptions } from './bedrock-pool-options';
import { ClientLease } from './client-lease';
import { ClientSlot } from './client-slot';
import { LeaseTable, leaseKeyOf, type LeaseKey } from './lease-table';

const CREDENTIAL_COUNTERS = {
  resolution: 'credentialResolutions',
  resolutionOnRequestPath: 'credentialResolutionsOnRequestPath',
  backgroundRefresh: 'credentialRefreshes',
  failure: 'credentialFailures',
} as const satisfies Record<CredentialEvent, string>;

/**
 * A pool of warm Bedrock clients for flow-builder hosts: `BedrockRuntimeClient`s by default, and the control plane's
 * `BedrockClient` and the `BedrockAgentRuntimeClient` by `acquire` option `service`. Leases are keyed by a node's stable
 * identity, slots by a fingerprint of the client config; lifecycle hooks, an idle TTL and `maxSlots`
 * decide when a slot is drained and destroyed. `close()` waits for in-flight work, `destroy()` aborts it.
 */
export class BedrockPool extends EventEmitter<BedrockPoolEventMap> {
  #options: NormalizedPoolOptions;
  #transports: TransportRegistry;
  #endpointPolicy: EndpointPolicy;
  #logger: PoolLogger;
  #recorder = new MetricsRecorder();
  #credentials: CredentialRegistry;
  #slots = new Map<string, ClientSlot>();
  /** The same slots by id (`warm(lease)` finds its slot without scanning thousands). */
  #slotsById = new Map<string, ClientSlot>();
  #leases = new LeaseTable();
  #graphs = new Map<string, Set<string>>();
  /** Graphs between `graphBuildStarted` and `graphBuildFinished`, with the node ids listed at the start. */
  #buildsInProgress = new Map<string, Set<string>>();
  #releaseTimers = new Map<ClientSlot, NodeJS.Timeout>();
  #retiring = new Set<Promise<void>>();
  #retiringSlots = new Set<ClientSlot>();
  #sweepTimer: NodeJS.Timeout | undefined;
  #nextSlotNumber = 1;
  #closed = false;
  #closing: Promise<void> | undefined;
  #destroying: Promise<void> | undefined;

  constructor(options: BedrockPoolOptions = {}) {
    super();
    this.#options = normalizePoolOptions(options);
    this.#transports = new TransportRegistry(this.#options.transportSharing, this.#recorder);
    this.#endpointPolicy = new EndpointPolicy(options.endpointPolicy);
    this.#logger = options.logger ?? {};
    this.#credentials = new CredentialRegistry({
      refreshBeforeExpiryMs: this.#options.credentialRefreshBeforeExpiryMs,
      onEvent: (event) => this.#recorder.add(CREDENTIAL_COUNTERS[event]),
      logger: this.#logger,
    });
    if (this.#options.idleTtlMs > 0) {
      const every = Math.min(60_000, Math.max(25, Math.floor(this.#options.idleTtlMs / 4)));
      this.#sweepTimer = setInterval(() => this.#evictIdle(), every);
      this.#sweepTimer.unref();
    }
    if (this.#options.openTelemetry) {
      void loadOpenTelemetrySink().then((sink) => {
        if (sink && !this.#closed) this.#recorder.setSink(sink);
      });
    }
  }

  /**
   * The Bedrock Runtime client for `identity` under `config` (merged over `options.defaults`). Synchronous; returns
   * the same lease while the config fingerprint is unchanged; a changed fingerprint moves the lease to another slot
   * and releases the old one. Throws {@link ConfigValidationError} on bad input and {@link EndpointNotAllowedError}
   * when the endpoint policy refuses the endpoint for these credentials, both before any slot or network call.
   */
  acquire(identity: NodeIdentity, config: ClientConfig): ClientLease<'bedrock-runtime'>;
  /**
   * The client of `options.service` (`'bedrock-runtime'`, `'bedrock'`: the control plane, `'bedrock-agent-runtime'`)
   * for `identity` under `config`, typed by service. An identity holds one lease per service: a node's runtime and
   * agent-runtime clients are two leases on two slots (one per service and configuration), each with its warm
   * connection, over the transport of their endpoint (shared when the endpoint is the same, as with an emulator).
   * Without `config.endpoint`, the client calls the service's regional AWS host; an AWS host of another Bedrock
   * service in `config.endpoint` is turned into this service's host (`bedrock-runtime.us-east-1.amazonaws.com` →
   * `bedrock.us-east-1.amazonaws.com`); any other endpoint is used as it is.
   */
  acquire<S extends BedrockService>(identity: NodeIdentity, config: ClientConfig, options: AcquireOptions<S> & { service: S }): ClientLease<S>;
  acquire(identity: NodeIdentity, config: ClientConfig, options?: AcquireOptions): ClientLease<BedrockService>;
  acquire(identity: NodeIdentity, config: ClientConfig, options?: AcquireOptions): ClientLease<BedrockService> {
    if (this.#closed) throw new PoolClosedError('acquire');
    const service = options === undefined ? 'bedrock-runtime' : validateService(optionsObject(options).service);
    const key = leaseKeyOf(identity, service);
    const existing = this.#leases.get(key);
    // Warm path: the same raw config as this lease's last acquire (endpoint and credential origin included, so the
    // endpoint policy already allowed it); a map lookup and a field comparison.
    if (existing?.memo?.matches(config, process.env) && this.#slots.get(existing.slot.fingerprint) === existing.slot) {
      existing.slot.lastUsedAt = Date.now();
      return existing.lease;
    }
    const normalized = normalizeConfig(config, this.#options.defaults, process.env, service);
    this.#endpointPolicy.check(normalized.endpoint, normalized.credentials);
    const fingerprint = fingerprintConfig(normalized);
    const readsProxyEnv = config.proxy === undefined && this.#options.defaults.proxy === undefined;
    if (existing && existing.slot.fingerprint === fingerprint && this.#slots.get(fingerprint) === existing.slot) {
      existing.slot.lastUsedAt = Date.now();
      existing.memo = RawConfigMemo.of(config, readsProxyEnv, process.env);
      return existing.lease;
    }
    let slot = this.#slots.get(fingerprint);
    let created = false;
    if (slot) {
      this.#cancelRelease(slot);
      slot.lastUsedAt = Date.now();
    } else {
      this.#evictForRoom();
      const credentials = this.#credentials.retain(normalized.credentials);
      const slotId = `slot-${this.#nextSlotNumber++}`;
      // Sockets are per endpoint (and transport settings), never per credential: see transport/shared-transport.ts.
      const transport = this.#transports.retain(normalized, slotId);
      slot = new ClientSlot(slotId, fingerprint, normalized, credentials, transport, this.#recorder, () => this.#transports.release(transport));
      this.#slots.set(fingerprint, slot);
      this.#slotsById.set(slotId, slot);
      created = true;
      this.#logger.debug?.(`bedrock-pool: created ${slot.slotId} (${fingerprint})`);
      this.emit('slotCreated', slot.describe());
    }
    const lease = new ClientLease<BedrockService>(identity, slot.client, fingerprint, slot.slotId, credentialScopeOf(normalized.credentials), service);
    slot.leaseKeys.add(key);
    slot.setLeased(true);
    this.#leases.set(key, { lease, slot, memo: RawConfigMemo.of(config, readsProxyEnv, process.env) });
    if (existing) {
      this.#detach(key, existing.slot);
      this.emit('leaseMoved', { identity: lease.identity, fromSlotId: existing.slot.slotId, toSlotId: slot.slotId, fingerprint });
    } else {
      this.emit('leaseCreated', { identity: lease.identity, slotId: slot.slotId, fingerprint });
    }
    // A new slot for a node of a graph being built: open its connection while the rest of the graph builds.
    if (created && this.#buildsInProgress.get(identity.graphId)?.has(identity.nodeId)) this.#warmInBackground(slot);
    return lease;
  }

  /**
   * Releases `identity`'s leases: of `options.service` only, or of every service when none is given (a removed node
   * lets go of all its clients). A slot is drained after `releaseGraceMs` if no other lease holds it. Returns whether
   * a lease existed.
   */
  release(identity: NodeIdentity, options?: AcquireOptions): boolean {
    const services = options?.service === undefined ? BEDROCK_SERVICES : [validateService(options.service)];
    let released = false;
    for (const service of services) {
      const key = leaseKeyOf(identity, service);
      const record = this.#leases.delete(key);
      if (!record) continue;
      released = true;
      this.#detach(key, record.slot);
      this.emit('leaseReleased', { identity: record.lease.identity, slotId: record.slot.slotId });
    }
    return released;
  }

  /** Resolves the lease's credentials and opens `connections` (default 1; http2: one session) without invoking a model. */
  async warm(lease: ClientLease<BedrockService>, options: { connections?: number } = {}): Promise<void> {
    if (this.#closed) throw new PoolClosedError('warm');
    const connections = options.connections ?? this.#options.warmConnections;
    if (!Number.isInteger(connections) || connections < 1) {
      throw new ConfigValidationError('connections', `got ${String(connections)}`, 'a positive integer');
    }
    const slot = this.#slotsById.get(lease.slotId);
    if (!slot) return;
    await slot.warm(connections);
  }

  /**
   * The host started building `graphId` with `nodeIds`: warms the slots of leases it already knows, overlapping the
   * build. Until {@link graphBuildFinished}, a listed node whose `acquire` creates a new slot starts that slot's
   * warm-up at once (credentials + connections), so a fresh process connects while the rest of its graph builds.
   */
  graphBuildStarted(event: { graphId: string; nodeIds: readonly string[] }): void {
    if (this.#closed) return;
    const nodeIds = new Set(event.nodeIds);
    this.#graphs.set(event.graphId, nodeIds);
    this.#buildsInProgress.set(event.graphId, nodeIds);
    let slots: Set<ClientSlot> | undefined;
    for (const nodeId of event.nodeIds) {
      for (const service of BEDROCK_SERVICES) {
        const record = this.#leases.get(leaseKeyOf({ graphId: event.graphId, nodeId }, service));
        if (record && !record.slot.isWarm(this.#options.warmConnections)) (slots ??= new Set()).add(record.slot);
      }
    }
    if (slots) for (const slot of slots) this.#warmInBackground(slot);
  }

  /** The host finished building `graphId`: leases of nodes no longer in `nodeIds` are released. */
  graphBuildFinished(event: { graphId: string; nodeIds: readonly string[] }): void {
    this.#buildsInProgress.delete(event.graphId);
    const present = new Set(event.nodeIds);
    this.#graphs.set(event.graphId, present);
    for (const identity of this.#leases.identitiesOfGraph(event.graphId)) {
      if (!present.has(identity.nodeId)) this.release(identity);
    }
  }

  /** A node was removed from a graph: its lease is released. */
  nodeRemoved(event: NodeIdentity): void {
    this.#graphs.get(event.graphId)?.delete(event.nodeId);
    this.release(event);
  }

  /** A graph was disposed: every lease in it is released. */
  graphDisposed(graphId: string): void {
    this.#graphs.delete(graphId);
    this.#buildsInProgress.delete(graphId);
    for (const identity of this.#leases.identitiesOfGraph(graphId)) this.release(identity);
  }

  /** Totals (including slots already gone) and per-slot metrics; plain JSON without secrets. */
  metrics(): PoolMetricsSnapshot {
    const live = [...this.#slots.values(), ...this.#retiringSlots];
    return {
      totals: this.#recorder.summary(),
      slots: live.map((slot) => slot.snapshot()),
      endpoints: [...this.#transports.values()].map((transport) => transport.snapshot()),
      credentials: this.#credentials.stats(),
      leases: this.#leases.size,
      graphs: this.#graphs.size,
      closed: this.#closed,
    };
  }

  /** Stops taking leases, drains every slot (in-flight requests and streams, bounded by `drainTimeoutMs`) and destroys it. Idempotent. */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    this.#shutDown();
    for (const slot of [...this.#slots.values()]) this.#retire(slot, 'close');
    this.#closing = Promise.all(this.#retiring).then(() => this.#credentials.dispose());
    return this.#closing;
  }

  /** Stops taking leases and destroys every slot now, aborting in-flight work. Idempotent. */
  destroy(): Promise<void> {
    if (this.#destroying) return this.#destroying;
    this.#shutDown();
    for (const slot of [...this.#slots.values()]) this.#retire(slot, 'destroy');
    for (const slot of this.#retiringSlots) slot.destroy();
    this.#destroying = Promise.all(this.#retiring).then(() => this.#credentials.dispose());
    return this.#destroying;
  }

  /** Whether `close()` or `destroy()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** `{ slots, leases, closed }` (no secrets). */
  toJSON(): { slots: number; leases: number; closed: boolean } {
    return { slots: this.#slots.size, leases: this.#leases.size, closed: this.#closed };
  }

  /** One-line, secret-free summary for `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `BedrockPool(slots=${this.#slots.size} leases=${this.#leases.size}${this.#closed ? ' closed' : ''})`;
  }

  #shutDown(): void {
    this.#closed = true;
    clearInterval(this.#sweepTimer);
    this.#sweepTimer = undefined;
    this.#graphs.clear();
    this.#buildsInProgress.clear();
  }

  #warmInBackground(slot: ClientSlot): void {
    slot.warm(this.#options.warmConnections).catch((error: Error) => {
      this.#logger.warn?.(`bedrock-pool: warm-up of ${slot.slotId} failed: ${error.message}`);
      this.emit('warmUpFailed', { slotId: slot.slotId, error });
    });
  }

  #detach(key: LeaseKey, slot: ClientSlot): void {
    slot.leaseKeys.delete(key);
    if (slot.leaseKeys.size > 0 || this.#slots.get(slot.fingerprint) !== slot) return;
    slot.setLeased(false);
    this.emit('slotReleased', slot.describe());
    if (this.#options.releaseGraceMs === 0) {
      this.#retire(slot, 'released');
      return;
    }
    const timer = setTimeout(() => {
      this.#releaseTimers.delete(slot);
      if (slot.leaseKeys.size === 0) this.#retire(slot, 'released');
    }, this.#options.releaseGraceMs);
    timer.unref();
    this.#releaseTimers.set(slot, timer);
  }

  #cancelRelease(slot: ClientSlot): void {
    clearTimeout(this.#releaseTimers.get(slot));
    this.#releaseTimers.delete(slot);
  }

  /** Takes a slot out of the pool (dropping any leases still on it), drains it and destroys it. */
  #retire(slot: ClientSlot, reason: SlotRetireReason): void {
    if (this.#slots.get(slot.fingerprint) !== slot) return;
    this.#slots.delete(slot.fingerprint);
    this.#slotsById.delete(slot.slotId);
    this.#cancelRelease(slot);
    for (const key of [...slot.leaseKeys]) {
      const record = this.#leases.delete(key);
      if (record) this.emit('leaseReleased', { identity: record.lease.identity, slotId: slot.slotId });
    }
    slot.leaseKeys.clear();
    this.#retiringSlots.add(slot);
    this.emit('slotDraining', { slot: slot.describe(), reason });
    if (reason === 'destroy') slot.destroy();
    const retiring = slot.drain(this.#options.drainTimeoutMs).then((timedOut) => {
      this.#retiring.delete(retiring);
      this.#retiringSlots.delete(slot);
      this.#credentials.release(slot.credentials);
      if (timedOut) this.#logger.warn?.(`bedrock-pool: ${slot.slotId} drain timed out after ${this.#options.drainTimeoutMs} ms; in-flight work aborted`);
      this.emit('slotDrained', { slot: slot.describe(), timedOut });
      this.emit('slotDestroyed', slot.describe());
    });
    this.#retiring.add(retiring);
  }

  #evictIdle(): void {
    const now = Date.now();
    for (const slot of [...this.#slots.values()]) {
      if (slot.inFlight === 0 && now - slot.lastUsedAt >= this.#options.idleTtlMs) {
        this.emit('slotEvicted', { slot: slot.describe(), reason: 'idleTtl' });
        this.#retire(slot, 'idleTtl');
      }
    }
  }

  /** Makes room for one more slot: the least recently used unleased slot first, then the LRU slot with nothing in flight. */
  #evictForRoom(): void {
    if (this.#slots.size < this.#options.maxSlots) return;
    // One pass, no sort: with thousands of slots an acquire that creates one must stay cheap.
    let victim: ClientSlot | undefined;
    for (const slot of this.#slots.values()) {
      if (slot.inFlight !== 0) continue;
      if (!victim) {
        victim = slot;
        continue;
      }
      const leased = slot.leaseKeys.size > 0;
      const victimLeased = victim.leaseKeys.size > 0;
      if ((victimLeased && !leased) || (leased === victimLeased && slot.lastUsedAt < victim.lastUsedAt)) victim = slot;
    }
    if (!victim) {
      this.#logger.warn?.(`bedrock-pool: maxSlots (${this.#options.maxSlots}) reached and every slot is busy; exceeding it`);
      return;
    }
    this.emit('slotEvicted', { slot: victim.describe(), reason: 'maxSlots' });
    this.#retire(victim, 'maxSlots');
  }
}

/** `acquire`'s options, validated as an object (its `service` is validated by the caller). */
function optionsObject(options: unknown): AcquireOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigValidationError('options', `expected an object, got ${options === null ? 'null' : typeof options}`, '{ service?: "bedrock-runtime" | "bedrock" | "bedrock-agent-runtime" }');
  }
  return options as AcquireOptions;
}
