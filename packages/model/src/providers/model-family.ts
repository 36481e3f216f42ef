import { GEO_PREFIXES, parseModelId } from '@bedrock-flow/component';

/** Cross-region inference profile prefixes Bedrock puts before a model id (`us.anthropic.…`): component's `GEO_PREFIXES`. */
export const CROSS_REGION_PREFIXES: readonly string[] = GEO_PREFIXES;

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
 * Strip an ARN and a cross-region prefix from a model id and name its provider (component's `parseModelId`).
 * `us.anthropic.claude-3-haiku…` and `arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude…`
 * both yield provider `anthropic`. Application inference profile ARNs hide the model: provider `''`.
 */
export function resolveModelIdentity(modelId: string): ModelIdentity {
  const { baseModelId, provider } = parseModelId(modelId);
  return { modelId, baseModelId, provider };
}
