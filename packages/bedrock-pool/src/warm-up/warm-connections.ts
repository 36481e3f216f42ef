import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { HttpRequest } from '@smithy/types';
import type { MeasuredRequestHandler } from '../transport/measured-request-handler';
import type { MetricsRecorder } from '../metrics/metrics-recorder';

/** Path of the non-model request used to open connections; any status (even 403/404) leaves a warm socket. */
export const WARM_UP_PATH = '/ping';

/**
 * Sends `count` concurrent `HEAD /ping` requests through the slot's own handler, so the sockets (or the
 * h2 session) they open stay in the slot's pool. Concurrent requests reuse idle sockets first, so this
 * tops the pool up to `count` rather than adding `count` more.
 */
export async function warmConnections(
  handler: MeasuredRequestHandler,
  target: { protocol: 'https:' | 'http:'; hostname: string; port: number },
  count: number,
  recorder: MetricsRecorder,
): Promise<void> {
  const request: HttpRequest = {
    method: 'HEAD',
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port,
    path: WARM_UP_PATH,
    query: {},
    headers: {},
  };
  await Promise.all(
    Array.from({ length: count }, async () => {
      recorder.add('warmUpRequests');
      const { response } = await handler.handleWarmUp({ ...request, headers: {} });
      const body = response.body as Readable | undefined;
      if (!body || typeof body.resume !== 'function') return;
      // Drain the (empty) body and wait for its end: only then is the socket back in the keep-alive pool.
      body.resume();
      await finished(body).catch(() => undefined);
    }),
  );
}
