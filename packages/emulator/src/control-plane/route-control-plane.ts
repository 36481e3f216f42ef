/** A control-plane request: the operation and its query parameters (decoded). */
export interface ControlPlaneRoute {
  kind: 'control-plane';
  operation: 'ListFoundationModels' | 'ListInferenceProfiles';
  query: URLSearchParams;
}

const PATHS: Record<string, ControlPlaneRoute['operation']> = {
  '/foundation-models': 'ListFoundationModels',
  '/inference-profiles': 'ListInferenceProfiles',
};

/** The control-plane route of `GET path?query` (`@aws-sdk/client-bedrock`'s REST paths), or `undefined`. */
export function routeControlPlane(method: string, rawUrl: string): ControlPlaneRoute | undefined {
  if (method !== 'GET') return undefined;
  const [path = '', query = ''] = rawUrl.split('?', 2);
  const operation = PATHS[path];
  return operation ? { kind: 'control-plane', operation, query: new URLSearchParams(query) } : undefined;
}
