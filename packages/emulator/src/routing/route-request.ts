import { routeControlPlane, type ControlPlaneRoute } from '../control-plane/route-control-plane';
import type { ControlPlaneOperation, EmulatorOperation } from '../types';

/** The `bedrock-agent-runtime` operations the emulator serves. */
export type KnowledgeBaseOperation = 'Retrieve' | 'RetrieveAndGenerate' | 'AgenticRetrieveStream';

/** A runtime operation on a model. */
type ModelOperation = Exclude<EmulatorOperation, 'ApplyGuardrail' | ControlPlaneOperation | KnowledgeBaseOperation>;

/** Where a request goes, decided from the method and the raw (still percent-encoded) path. */
export type Route =
  | { kind: 'model'; operation: ModelOperation; modelId: string }
  | { kind: 'guardrail'; operation: 'ApplyGuardrail'; guardrailId: string; guardrailVersion: string }
  | { kind: 'knowledgeBase'; operation: KnowledgeBaseOperation; knowledgeBaseId: string }
  | ControlPlaneRoute
  | { kind: 'health'; headOnly: boolean }
  | { kind: 'unknown' };

const MODEL_OPERATIONS: Record<string, ModelOperation> = {
  converse: 'Converse',
  'converse-stream': 'ConverseStream',
  invoke: 'InvokeModel',
  'invoke-with-response-stream': 'InvokeModelWithResponseStream',
  'count-tokens': 'CountTokens',
};

// One raw segment each: the model id arrives percent-encoded (`:` as %3A, `/` as %2F).
const MODEL_PATH = /^\/model\/([^/]+)\/([a-z-]+)$/;
const GUARDRAIL_PATH = /^\/guardrail\/([^/]+)\/version\/([^/]+)\/apply$/;
// bedrock-agent-runtime: Retrieve names the knowledge base in the path, RetrieveAndGenerate in the body.
const RETRIEVE_PATH = /^\/knowledgebases\/([^/]+)\/retrieve$/;
const RETRIEVE_AND_GENERATE_PATH = '/retrieveAndGenerate';
// AgenticRetrieveStream names its knowledge bases in the body (`retrievers[].configuration.knowledgeBase`).
const AGENTIC_RETRIEVE_STREAM_PATH = '/agenticRetrieveStream';
const HEALTH_PATHS = new Set(['/', '/ping', '/health']);

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Routes a request by matching the raw path first, then decoding the captured segments. */
export function routeRequest(method: string, rawUrl: string): Route {
  const path = rawUrl.split('?')[0] ?? '';
  if ((method === 'GET' || method === 'HEAD') && HEALTH_PATHS.has(path)) {
    return { kind: 'health', headOnly: method === 'HEAD' };
  }
  const controlPlane = routeControlPlane(method, rawUrl);
  if (controlPlane) return controlPlane;
  if (method !== 'POST') return { kind: 'unknown' };
  const model = MODEL_PATH.exec(path);
  if (model) {
    const operation = MODEL_OPERATIONS[model[2] ?? ''];
    const modelId = decodeSegment(model[1] ?? '');
    if (operation && modelId) return { kind: 'model', operation, modelId };
    return { kind: 'unknown' };
  }
  const retrieve = RETRIEVE_PATH.exec(path);
  if (retrieve) {
    const knowledgeBaseId = decodeSegment(retrieve[1] ?? '');
    return knowledgeBaseId ? { kind: 'knowledgeBase', operation: 'Retrieve', knowledgeBaseId } : { kind: 'unknown' };
  }
  if (path === RETRIEVE_AND_GENERATE_PATH) return { kind: 'knowledgeBase', operation: 'RetrieveAndGenerate', knowledgeBaseId: '' };
  if (path === AGENTIC_RETRIEVE_STREAM_PATH) return { kind: 'knowledgeBase', operation: 'AgenticRetrieveStream', knowledgeBaseId: '' };
  const guardrail = GUARDRAIL_PATH.exec(path);
  if (guardrail) {
    const guardrailId = decodeSegment(guardrail[1] ?? '');
    const guardrailVersion = decodeSegment(guardrail[2] ?? '');
    if (guardrailId && guardrailVersion) {
      return { kind: 'guardrail', operation: 'ApplyGuardrail', guardrailId, guardrailVersion };
    }
  }
  return { kind: 'unknown' };
}
