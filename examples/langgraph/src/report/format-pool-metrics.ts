import type { PoolMetricsSnapshot } from '@bedrock-flow/bedrock-pool';

/** One line of pool counters: slots, leases, connections, TLS handshakes, requests and how many reused a connection. */
export function formatPoolMetrics(metrics: PoolMetricsSnapshot): string {
  const t = metrics.totals;
  return (
    `slots=${metrics.slots.length} leases=${metrics.leases} connections=${t.connectionsOpened} tls=${t.tlsHandshakes} ` +
    `requests=${t.requests} reused=${t.requestsOnReusedConnections} credentialResolutions=${t.credentialResolutions}`
  );
}
