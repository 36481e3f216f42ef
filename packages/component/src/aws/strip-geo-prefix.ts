import { parseModelId } from './parse-model-id';

export { GEO_PREFIXES } from './parse-model-id';

/**
 * The base model id of a Bedrock model id (see `parseModelId`): drops an ARN wrapper and one geography prefix.
 * `us.anthropic.claude-3-haiku-20240307-v1:0` -> `anthropic.claude-3-haiku-20240307-v1:0`. An application inference
 * profile, provisioned or custom model ARN has no model id in it and comes back as its resource id.
 */
export function stripGeoPrefix(modelId: string): string {
  return parseModelId(modelId).baseModelId;
}

/** The provider of a model id (`anthropic`, `meta`, `amazon`, …; see `parseModelId`), or the base id when it has no dot. */
export function modelProvider(modelId: string): string {
  const parsed = parseModelId(modelId);
  return parsed.provider || parsed.baseModelId;
}
