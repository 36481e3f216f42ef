import type { NormalizedClientConfig } from '../config/normalize-config';
import type { MetricsRecorder } from '../metrics/metrics-recorder';
import { SharedTransport, type TransportSharing } from './shared-transport';
import { transportKeyOf } from './transport-key';

/** The pool's transports by transport key, reference-counted by slots; the last slot's release destroys one. */
export class TransportRegistry {
  #transports = new Map<string, SharedTransport>();
  #sharing: TransportSharing;
  #recorder: MetricsRecorder;
  #nextId = 1;

  constructor(sharing: TransportSharing, recorder: MetricsRecorder) {
    this.#sharing = sharing;
    this.#recorder = recorder;
  }

  /**
   * The transport for `config` (created on first use), retained for `slotId`. With `per-slot` sharing every slot
   * gets its own (the key includes the slot id): the behaviour before transports were shared.
   */
  retain(config: NormalizedClientConfig, slotId: string): SharedTransport {
    const base = transportKeyOf(config);
    const key = this.#sharing === 'per-slot' ? `${base}/${slotId}` : base;
    let transport = this.#transports.get(key);
    if (!transport || transport.destroyed) {
      transport = new SharedTransport(`transport-${this.#nextId++}`, key, this.#sharing, config, this.#recorder);
      this.#transports.set(key, transport);
    }
    transport.retain();
    return transport;
  }

  /** A slot lets go of `transport`; the last one destroys it (its sockets close). */
  release(transport: SharedTransport): void {
    if (!transport.release()) return;
    if (this.#transports.get(transport.key) === transport) this.#transports.delete(transport.key);
    transport.destroy();
  }

  /** Live transports. */
  values(): IterableIterator<SharedTransport> {
    return this.#transports.values();
  }

  /** Number of live transports. */
  get size(): number {
    return this.#transports.size;
  }
}
