import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { NormalizedClientConfig } from '../config/normalize-config';
import type { MetricsRecorder } from '../metrics/metrics-recorder';
import { instrumentAgent } from './instrument-agent';
import { ProxyTunnelAgent } from './proxy-tunnel-agent';
import { watchAttempts } from './watch-attempts';

/** A slot's HTTP/1.1 transport: the handler and the one agent it owns (destroyed with the slot, never shared). */
export interface Http1Transport {
  handler: NodeHttpHandler;
  agent: HttpAgent;
}

/**
 * `new NodeHttpHandler({ httpsAgent })` with a keep-alive agent of the slot's own — an instance, because a
 * plain `{ httpsAgent }` options object on the client still yields the SDK's HTTP/2 handler (SDK ≥ 3.798).
 */
export function createHttp1Handler(config: NormalizedClientConfig, recorder: MetricsRecorder): Http1Transport {
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: config.http.keepAliveMsecs,
    maxSockets: config.http.maxSockets,
    // Free-socket timeout: an unused socket is closed before a NAT or load balancer silently drops it.
    timeout: config.http.idleSocketTimeoutMs,
    // Reuse the most recently used socket so idle ones age out instead of all staying half-warm.
    scheduling: 'lifo' as const,
    ...(config.tls.ca ? { ca: config.tls.ca } : {}),
    rejectUnauthorized: config.tls.rejectUnauthorized,
  };
  let agent: HttpAgent;
  // The tunnel agent is an https.Agent: handing it an http:// request fails with ERR_INVALID_PROTOCOL.
  if (config.proxy !== undefined && config.target.protocol === 'https:') {
    agent = new ProxyTunnelAgent(config.proxy, agentOptions);
  } else if (config.target.protocol === 'http:') {
    agent = new HttpAgent(agentOptions);
  } else {
    agent = new HttpsAgent(agentOptions);
  }
  instrumentAgent(agent, recorder);
  // Silence bounds per attempt (by operation), keep-alive probes, and what a failed attempt had sent (issue 22).
  watchAttempts(agent, { fallbackTimeoutMs: config.http.otherTimeoutMs, keepAliveMsecs: config.http.keepAliveMsecs });
  const handler = new NodeHttpHandler({
    ...(config.target.protocol === 'http:' ? { httpAgent: agent } : { httpsAgent: agent as HttpsAgent }),
    connectionTimeout: config.http.connectTimeoutMs,
    // No handler-wide `requestTimeout`/`socketTimeout`: each attempt's bound depends on its operation (watchAttempts).
    // A caller's per-call `requestTimeout` is taken by AttemptOptionsHandler; should one still arrive, it throws.
    throwOnRequestTimeout: true,
  });
  return { handler, agent };
}
