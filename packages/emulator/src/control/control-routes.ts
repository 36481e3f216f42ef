/**
 * Path prefix of the control routes. Bedrock Runtime's own paths start with `/model/`, `/guardrail/` or
 * `/async-invoke`, and AWS never uses a leading `__`, so these cannot shadow an operation.
 */
export const CONTROL_PATH_PREFIX = '/__emulator';

/** A control route, decided from the method and the path. */
export type ControlRoute =
  | { kind: 'stats' }
  | { kind: 'requests' }
  | { kind: 'reset' }
  | { kind: 'index' }
  | { kind: 'method-not-allowed'; allow: string }
  | { kind: 'not-found' };

const ROUTES: Record<string, { method: 'GET' | 'POST'; kind: 'stats' | 'requests' | 'reset' | 'index' }> = {
  '': { method: 'GET', kind: 'index' },
  '/': { method: 'GET', kind: 'index' },
  '/stats': { method: 'GET', kind: 'stats' },
  '/requests': { method: 'GET', kind: 'requests' },
  '/reset': { method: 'POST', kind: 'reset' },
};

/** Whether a raw request URL is under {@link CONTROL_PATH_PREFIX}. */
export function isControlPath(rawUrl: string): boolean {
  const path = rawUrl.split('?')[0] ?? '';
  return path === CONTROL_PATH_PREFIX || path.startsWith(`${CONTROL_PATH_PREFIX}/`);
}

/** Routes a request already known to be under {@link CONTROL_PATH_PREFIX}. `HEAD` is served like `GET`, without a body. */
export function routeControl(method: string, rawUrl: string): ControlRoute {
  const path = (rawUrl.split('?')[0] ?? '').slice(CONTROL_PATH_PREFIX.length);
  const route = ROUTES[path];
  if (!route) return { kind: 'not-found' };
  const matches = method === route.method || (route.method === 'GET' && method === 'HEAD');
  if (!matches) return { kind: 'method-not-allowed', allow: route.method === 'GET' ? 'GET, HEAD' : 'POST' };
  return { kind: route.kind };
}
