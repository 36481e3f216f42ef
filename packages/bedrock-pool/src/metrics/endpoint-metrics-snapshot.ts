import type { LatencySummary } from './latency-histogram';

/**
 * One transport (keep-alive agent or HTTP/2 session set) in `pool.metrics().endpoints`: the connection figures of an
 * endpoint, summed over every slot that shares it. Plain JSON, no secrets (a proxy is shown only as `proxied`).
 */
export interface EndpointMetricsSnapshot {
  /** Id of the transport, e.g. `transport-2` (slots show it as `transportId`). */
  transportId: string;
  /** Target origin, e.g. `https://bedrock-runtime.us-east-1.amazonaws.com`. */
  endpoint: string;
  transport: 'http1' | 'http2';
  /** `per-endpoint`: shared by every slot with the same transport settings; `per-slot`: one slot's own. */
  sharing: 'per-endpoint' | 'per-slot';
  proxied: boolean;
  /** Slots using this transport now. */
  slots: number;
  /** Socket limit of the endpoint (http1), across its slots. */
  maxSockets: number;
  /** Requests holding one of the endpoint's places now (http1: at most `maxSockets`). */
  active: number;
  /** Requests waiting for a place, and how many slots they belong to (served in turn). */
  waiting: number;
  waitingSlots: number;
  /** TCP connections (http1 sockets, http2 sessions) opened to the endpoint, over the transport's life. */
  connectionsOpened: number;
  /** Connections open now. */
  connectionsOpen: number;
  /** TLS handshakes completed. */
  tlsHandshakes: number;
  /** Requests (of any slot) sent on a connection that had already served one. */
  requestsOnReusedConnections: number;
  latency: { connectMs: LatencySummary; tlsMs: LatencySummary };
}
