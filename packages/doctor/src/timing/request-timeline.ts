import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Timestamps (`performance.now()`, ms) of one HTTP request's phases; a phase that did not happen is absent. */
export interface RequestTimeline {
  /** The request object was created (credentials are resolved and the request is signed by then). */
  start: number;
  /** The request went out on an already-open keep-alive socket (no DNS, TCP or TLS). */
  reusedSocket: boolean;
  /** DNS lookup finished (absent for IP-literal hosts and reused sockets). */
  lookup?: number;
  /** TCP connected. */
  connect?: number;
  /** TLS handshake finished. */
  secureConnect?: number;
  /** Response headers arrived (first byte). */
  response?: number;
  /** Response body fully read. */
  end?: number;
}

/** A subscription to Node's HTTP client diagnostics channel; call `stop()` when done. */
export interface TimelineRecorder {
  /** Timelines of requests started since the recorder was created (or last `take()`), oldest first. */
  take(): RequestTimeline[];
  stop(): void;
}

/**
 * Records the phases of every `http`/`https` client request in this process, through
 * `diagnostics_channel` (`http.client.request.start`) and the request's socket events. The AWS SDK's
 * `NodeHttpHandler` (the pool's default transport) goes through `https.request`, so its calls show up here.
 */
export function recordRequestTimelines(): TimelineRecorder {
  let timelines: RequestTimeline[] = [];
  const onStart = (message: unknown): void => {
    const request = (message as { request: ClientRequest }).request;
    const socket = request.socket as (Socket & { connecting?: boolean }) | null;
    const timeline: RequestTimeline = { start: performance.now(), reusedSocket: (request as { reusedSocket?: boolean }).reusedSocket === true || (socket !== null && socket.connecting !== true) };
    timelines.push(timeline);
    const now = (): number => performance.now();
    const watch = (s: Socket): void => {
      if (timeline.reusedSocket) return;
      s.once('lookup', () => (timeline.lookup = now()));
      s.once('connect', () => (timeline.connect = now()));
      s.once('secureConnect', () => (timeline.secureConnect = now()));
    };
    if (socket) watch(socket);
    else request.once('socket', (s) => watch(s));
    request.once('response', (response) => {
      timeline.response = now();
      response.once('end', () => (timeline.end = now()));
    });
  };
  diagnosticsChannel.subscribe('http.client.request.start', onStart);
  return {
    take: () => {
      const taken = timelines;
      timelines = [];
      return taken;
    },
    stop: () => diagnosticsChannel.unsubscribe('http.client.request.start', onStart),
  };
}
