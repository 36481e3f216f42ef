import type { CredentialProviderStats } from '../credentials/shared-credential-provider';
import type { SlotMetricsSnapshot } from '../pool/client-slot';
import type { EndpointMetricsSnapshot } from './endpoint-metrics-snapshot';
import type { MetricsSummary } from './metrics-recorder';

/** `pool.metrics()`: plain JSON, no secrets. */
export interface PoolMetricsSnapshot {
  /** Sums over every slot the pool ever had, plus credential counters. */
  totals: MetricsSummary;
  /** Live slots (including ones still draining). */
  slots: SlotMetricsSnapshot[];
  /**
   * Live transports: connections and handshakes per endpoint (and transport settings), summed over the slots that
   * share each one; requests are per slot.
   */
  endpoints: EndpointMetricsSnapshot[];
  /** Live shared credential providers. */
  credentials: CredentialProviderStats[];
  /** Leases held. */
  leases: number;
  /** Graphs seen by lifecycle hooks and not disposed. */
  graphs: number;
  /** Whether close()/destroy() was called. */
  closed: boolean;
}
