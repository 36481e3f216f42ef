import type { EmulatorStats } from '../types';

/** Creates zeroed counters. */
export function emptyStats(): EmulatorStats {
  return {
    connections: { accepted: 0, open: 0, requestsPerConnection: [] },
    tls: { handshakes: 0, full: 0, resumed: 0 },
    http2: { sessions: 0, streams: 0 },
    http1: { requests: 0 },
    requests: { total: 0, byOperation: {}, byModel: {}, inFlight: 0, maxInFlight: 0, errors: 0, nonModel: 0 },
    auth: { failures: 0, byAccessKeyId: {} },
    faults: {},
  };
}

/** Adds one to `record[key]`. */
export function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/**
 * Owns the live counters. `open` and `inFlight` are gauges that survive `reset()` (they describe
 * the present, not the past); everything else restarts at zero.
 */
export class StatsRecorder {
  private current: EmulatorStats = emptyStats();

  /** The live counters (mutate through this object only). */
  get live(): EmulatorStats {
    return this.current;
  }

  /** A deep copy for callers. */
  snapshot(): EmulatorStats {
    return structuredClone(this.current);
  }

  reset(): void {
    const { open } = this.current.connections;
    const { inFlight } = this.current.requests;
    this.current = emptyStats();
    this.current.connections.open = open;
    this.current.requests.inFlight = inFlight;
    this.current.requests.maxInFlight = inFlight;
  }

  /** Registers an accepted connection and returns its index in `requestsPerConnection`. */
  connectionAccepted(): { generation: EmulatorStats; index: number } {
    const c = this.current.connections;
    c.accepted += 1;
    c.open += 1;
    c.requestsPerConnection.push(0);
    return { generation: this.current, index: c.requestsPerConnection.length - 1 };
  }

  connectionClosed(): void {
    this.current.connections.open = Math.max(0, this.current.connections.open - 1);
  }

  requestStarted(): void {
    const r = this.current.requests;
    r.total += 1;
    r.inFlight += 1;
    r.maxInFlight = Math.max(r.maxInFlight, r.inFlight);
  }

  requestFinished(): void {
    this.current.requests.inFlight = Math.max(0, this.current.requests.inFlight - 1);
  }
}
