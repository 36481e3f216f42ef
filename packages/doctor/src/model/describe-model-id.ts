import { parseModelId } from '@bedrock-flow/component';

/** What the doctor says about a model id. */
export interface ModelIdDescription {
  modelId: string;
  /** The id is a cross-region (system-defined) inference profile, e.g. `us.anthropic.…`. */
  crossRegionProfile: boolean;
  /** Its geography prefix (`us`, `eu`, `apac`, `global`, …), when it is one. */
  geography?: string;
  /** The id is an ARN (foundation model, inference profile or provisioned model). */
  arn: boolean;
  /** The model id without the profile prefix or ARN wrapper. */
  baseModelId: string;
}

/**
 * Whether `modelId` is a cross-region inference profile and of which geography. Profiles spread
 * requests over the geography's regions (more throughput, a few ms more latency); some newer models
 * can only be called through one.
 */
export function describeModelId(modelId: string): ModelIdDescription {
  const id = modelId.trim();
  const parsed = parseModelId(id);
  return {
    modelId: id,
    crossRegionProfile: parsed.geography !== undefined,
    ...(parsed.geography !== undefined ? { geography: parsed.geography } : {}),
    arn: id.startsWith('arn:'),
    baseModelId: parsed.baseModelId,
  };
}
