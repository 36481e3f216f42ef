/**
 * Cross-region inference profile prefixes Bedrock puts before a model id (`us.anthropic.…`).
 * Stripped to find the underlying model.
 */
export const CROSS_REGION_PREFIXES: readonly string[] = [
  'us',
  'eu',
  'apac',
  'global',
  'us-gov',
  'jp',
  'au',
  'sa',
  'amer',
];

/** Matches a Bedrock model ARN and captures the resource id after the resource type. */
const MODEL_ARN =
  /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:[0-9]*:(?:foundation-model|inference-profile|system-defined-inference-profile|provisioned-model|custom-model)\/(.+)$/;

/** The parts of a model id that choose a provider adapter. */
export interface ModelIdentity {
  /** Model id as given (sent unchanged on the wire). */
  modelId: string;
  /** Model id with ARN and cross-region prefix removed, e.g. `anthropic.claude-3-haiku-20240307-v1:0`. */
  baseModelId: string;
  /** Provider segment of the base id (`anthropic`, `amazon`, `meta`, …), lower-case; `''` when there is none. */
  provider: string;
}

/**
 * Strip an ARN and a cross-region prefix from a model id and name its provider.
 * `us.anthropic.claude-3-haiku…` and `arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude…`
 * both yield provider `anthropic`. Application inference profile ARNs hide the model: provider `''`.
 */
export function resolveModelIdentity(modelId: string): ModelIdentity {
  let id = modelId.trim();
  const arn = MODEL_ARN.exec(id);
  if (arn?.[1] !== undefined) id = arn[1];
  const segments = id.split('.');
  const first = segments[0]?.toLowerCase() ?? '';
  if (segments.length > 2 && CROSS_REGION_PREFIXES.includes(first)) id = segments.slice(1).join('.');
  const dot = id.indexOf('.');
  const provider = dot > 0 ? id.slice(0, dot).toLowerCase() : '';
  return { modelId, baseModelId: id, provider };
}
