import { randomUUID } from 'node:crypto';
import { writeJson } from '../http/write-response';
import type { AnyRequest, AnyResponse } from '../server/request-handler';
import type { EmulatorStats, ModelRequestView } from '../types';
import { CONTROL_PATH_PREFIX, routeControl } from './control-routes';
import { isLoopbackAddress } from './is-loopback-address';

/** What the control routes read and reset. */
export interface ControlTarget {
  stats(): EmulatorStats;
  requests(): ModelRequestView[];
  resetStats(): void;
}

/**
 * Answers one control request with JSON. These routes carry no auth, so they answer loopback peers only
 * (the emulator listens on 127.0.0.1 anyway; this keeps it so behind any port forward), and they only
 * ever serialise counters and the request log, which hold no header, signature, token or secret key.
 */
export function serveControl(req: AnyRequest, res: AnyResponse, target: ControlTarget): void {
  const requestId = randomUUID();
  // A control request is not read; drain it so a body (curl -d) does not stall the connection.
  req.resume();
  if (!isLoopbackAddress(req.socket?.remoteAddress)) {
    writeJson(res, 403, requestId, { message: 'The emulator control routes answer loopback clients only.' });
    return;
  }
  const method = req.method ?? 'GET';
  const headOnly = method === 'HEAD';
  const route = routeControl(method, req.url ?? '/');
  switch (route.kind) {
    case 'stats':
      writeJson(res, 200, requestId, target.stats(), headOnly);
      return;
    case 'requests':
      writeJson(res, 200, requestId, target.requests(), headOnly);
      return;
    case 'reset':
      target.resetStats();
      writeJson(res, 200, requestId, { reset: true });
      return;
    case 'index':
      writeJson(
        res,
        200,
        requestId,
        {
          routes: {
            [`GET ${CONTROL_PATH_PREFIX}/stats`]: 'counters since start or the last reset (the same JSON as stats())',
            [`GET ${CONTROL_PATH_PREFIX}/requests`]: 'the request log, oldest first (the same JSON as requests())',
            [`POST ${CONTROL_PATH_PREFIX}/reset`]: 'restarts the counters and clears the request log',
          },
        },
        headOnly,
      );
      return;
    case 'method-not-allowed':
      res.setHeader('allow', route.allow);
      writeJson(res, 405, requestId, { message: `${method} is not allowed here; use ${route.allow}.` });
      return;
    case 'not-found':
      writeJson(res, 404, requestId, { message: `No control route matches ${method} ${(req.url ?? '/').split('?')[0]}; see GET ${CONTROL_PATH_PREFIX}/.` });
      return;
  }
}
