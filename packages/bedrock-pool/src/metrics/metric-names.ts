/** Monotonic counters kept per slot and in total. */
export const COUNTER_NAMES = [
  /** TCP connections (http1 sockets or http2 sessions) opened. */
  'connectionsOpened',
  /** TLS handshakes completed. */
  'tlsHandshakes',
  /** HTTP requests sent (every attempt, warm-up included). */
  'requests',
  /** Requests sent on a connection that had already served one. */
  'requestsOnReusedConnections',
  /** Non-model warm-up requests. */
  'warmUpRequests',
  /** SDK operations (`client.send`) completed or failed. */
  'operations',
  /** Extra attempts made by the retry strategy. */
  'retries',
  /** Attempts answered 429 (throttling). */
  'throttles',
  /** Credential resolutions (underlying source calls that succeeded). */
  'credentialResolutions',
  /** Credential resolutions a request waited for. */
  'credentialResolutionsOnRequestPath',
  /** Background credential refreshes started. */
  'credentialRefreshes',
  /** Failed credential resolutions. */
  'credentialFailures',
] as const;

/** Gauges (go up and down). */
export const GAUGE_NAMES = [
  /** Connections open now. */
  'connectionsOpen',
  /** Requests in flight now (until the response body ends, so streams count while they stream). */
  'inFlight',
] as const;

/** Latencies recorded as HDR histograms. */
export const LATENCY_NAMES = [
  /** From handing the request to the transport to the response headers. */
  'timeToFirstByteMs',
  /** TCP connect time of new connections. */
  'connectMs',
  /** TLS handshake time of new connections (after TCP connect). */
  'tlsMs',
  /** From sending to the end of the response body. */
  'requestDurationMs',
] as const;

export type CounterName = (typeof COUNTER_NAMES)[number];
export type GaugeName = (typeof GAUGE_NAMES)[number];
export type LatencyName = (typeof LATENCY_NAMES)[number];
