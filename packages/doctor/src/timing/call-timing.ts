import type { RequestTimeline } from './request-timeline';

/** A phase's duration in ms, or why there is none. */
export type PhaseValue = number | 'reused' | 'skipped (IP address)' | 'not used (http)' | 'not reached';

/** The breakdown of one Converse call. */
export interface CallTiming {
  /** From `client.send()` until the request was handed to the socket: credential resolution and signing. */
  credentialsAndSigning: PhaseValue;
  dns: PhaseValue;
  tcpConnect: PhaseValue;
  tls: PhaseValue;
  /** From the connection being ready (or the request start on a reused socket) to the response headers. */
  timeToFirstByte: PhaseValue;
  /** From `client.send()` until it settled. */
  total: number;
  /** HTTP attempts the SDK made (retries included). */
  attempts: number;
  /** `ok`, or the error's name and message (no secrets: the SDK never puts them in messages). */
  outcome: string;
}

const span = (from: number | undefined, to: number | undefined): number | undefined =>
  from === undefined || to === undefined ? undefined : to - from;

/**
 * Turns the first attempt's timeline into phases. `sendStartedAt`/`settledAt` bracket `client.send()`;
 * an IP-literal host has no DNS phase, a reused socket no DNS/TCP/TLS.
 */
export function callTiming(timelines: readonly RequestTimeline[], sendStartedAt: number, settledAt: number, outcome: string, hostIsIp: boolean, https: boolean): CallTiming {
  const first = timelines[0];
  if (!first) {
    const none = 'not reached' as const;
    return { credentialsAndSigning: settledAt - sendStartedAt, dns: none, tcpConnect: none, tls: none, timeToFirstByte: none, total: settledAt - sendStartedAt, attempts: 0, outcome };
  }
  const reused = first.reusedSocket;
  const connectFrom = first.lookup ?? first.start;
  const ready = reused ? first.start : (https ? first.secureConnect : first.connect);
  return {
    credentialsAndSigning: first.start - sendStartedAt,
    dns: reused ? 'reused' : hostIsIp ? 'skipped (IP address)' : (span(first.start, first.lookup) ?? 'not reached'),
    tcpConnect: reused ? 'reused' : (span(connectFrom, first.connect) ?? 'not reached'),
    tls: !https ? 'not used (http)' : reused ? 'reused' : (span(first.connect, first.secureConnect) ?? 'not reached'),
    timeToFirstByte: span(ready, first.response) ?? 'not reached',
    total: settledAt - sendStartedAt,
    attempts: timelines.length,
    outcome,
  };
}
