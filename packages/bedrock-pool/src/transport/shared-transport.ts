import type { Agent } from 'node:http';
import type { NormalizedClientConfig } from '../config/normalize-config';
import type { EndpointMetricsSnapshot } from '../metrics/endpoint-metrics-snapshot';
import { MetricsRecorder } from '../metrics/metrics-recorder';
import { createHttp1Handler } from './create-http1-handler';
import { createHttp2Handler } from './create-http2-handler';
import { endpointOrigin } from './endpoint-origin';
import { FairRequestQueue } from './fair-request-queue';
import type { InnerRequestHandler } from './measured-request-handler';

/** How slots get their transport: one per endpoint and transport settings (default), or one per slot. */
export type TransportSharing = 'per-endpoint' | 'per-slot';

/**
 * The sockets to one endpoint: a keep-alive agent and the `NodeHttpHandler` over it (http1), or one
 * `NodeHttp2Handler` and its sessions (http2), shared by every slot whose config has the same transport key.
 * Each slot keeps its own client, credentials and `MeasuredRequestHandler`; only this object is shared. It is
 * reference-counted: a slot's `client.destroy()` never reaches it (the slot's handler does not forward `destroy`),
 * and the last slot to let go destroys it. Connection metrics live here (per endpoint), request metrics in the slots.
 */
export class SharedTransport {
  readonly transportId: string;
  readonly key: string;
  readonly sharing: TransportSharing;
  readonly kind: 'http1' | 'http2';
  readonly endpoint: string;
  readonly target: NormalizedClientConfig['target'];
  readonly proxied: boolean;
  readonly maxSockets: number;
  /** Connection counters and latencies of this endpoint (parent: the pool's totals). */
  readonly recorder: MetricsRecorder;
  /** The one inner handler every slot's `MeasuredRequestHandler` sends through. */
  readonly inner: InnerRequestHandler;
  /** Places on the endpoint's sockets, served in turn across slots (http1); undefined for http2 (one multiplexed session). */
  readonly queue: FairRequestQueue | undefined;
  /** Whether the http2 handler has served a request (its first one resolves config before opening a session). */
  handledOnce = false;
  #agent: Agent | undefined;
  #refs = 0;
  #destroyed = false;
  #warming: Promise<void> | undefined;

  constructor(transportId: string, key: string, sharing: TransportSharing, config: NormalizedClientConfig, parentRecorder: MetricsRecorder) {
    this.transportId = transportId;
    this.key = key;
    this.sharing = sharing;
    this.kind = config.transport;
    this.target = config.target;
    this.endpoint = endpointOrigin(config.target);
    this.proxied = config.proxy !== undefined;
    this.maxSockets = config.http.maxSockets;
    this.recorder = new MetricsRecorder({ parent: parentRecorder, attributes: { endpoint: this.endpoint, transport: transportId } });
    if (config.transport === 'http2') {
      this.inner = createHttp2Handler(config, this.recorder);
      this.queue = undefined;
    } else {
      const { handler, agent } = createHttp1Handler(config, this.recorder);
      this.inner = handler;
      this.#agent = agent;
      this.queue = new FairRequestQueue(config.http.maxSockets);
    }
  }

  /** Slots holding this transport. */
  get refs(): number {
    return this.#refs;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** Connections open now. */
  get connectionsOpen(): number {
    return this.recorder.get('connectionsOpen');
  }

  /** A slot starts using the transport. */
  retain(): void {
    this.#refs += 1;
  }

  /** A slot stops using it; returns true when none is left (the owner then destroys it). */
  release(): boolean {
    this.#refs = Math.max(0, this.#refs - 1);
    return this.#refs === 0;
  }

  /**
   * Runs `open` (a warm-up through some slot's handler) unless one is running already: slots sharing the endpoint
   * warm its connections once, not once each.
   */
  warmOnce(open: () => Promise<void>): Promise<void> {
    if (this.#warming) return this.#warming;
    const warming = open().finally(() => {
      if (this.#warming === warming) this.#warming = undefined;
    });
    this.#warming = warming;
    return warming;
  }

  /** Destroys the handler and agent (every socket or session of the endpoint). Idempotent. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.inner.destroy?.();
    // NodeHttpHandler only destroys agents once its config resolved; the transport owns the agent, so destroy it here.
    this.#agent?.destroy();
  }

  /** Connection figures of the endpoint. */
  snapshot(): EndpointMetricsSnapshot {
    const summary = this.recorder.summary();
    return {
      transportId: this.transportId,
      endpoint: this.endpoint,
      transport: this.kind,
      sharing: this.sharing,
      proxied: this.proxied,
      slots: this.#refs,
      maxSockets: this.maxSockets,
      active: this.queue?.active ?? 0,
      waiting: this.queue?.waiting ?? 0,
      waitingSlots: this.queue?.waitingOwners ?? 0,
      connectionsOpened: summary.connectionsOpened,
      connectionsOpen: summary.connectionsOpen,
      tlsHandshakes: summary.tlsHandshakes,
      requestsOnReusedConnections: summary.requestsOnReusedConnections,
      latency: { connectMs: summary.latency.connectMs, tlsMs: summary.latency.tlsMs },
    };
  }

  /** Secret-free summary for `util.inspect` (the proxy URL may hold a password and is never shown). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SharedTransport(${this.transportId} ${this.kind} ${this.endpoint} refs=${this.#refs})`;
  }

  toJSON(): { transportId: string; endpoint: string; transport: 'http1' | 'http2'; slots: number } {
    return { transportId: this.transportId, endpoint: this.endpoint, transport: this.kind, slots: this.#refs };
  }
}
