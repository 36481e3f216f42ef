import { GEO_PREFIXES, stripGeoPrefix } from '@bedrock-flow/component';

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
  const arn = id.startsWith('arn:');
  const resource = arn ? (id.split(':').slice(5).join(':').split('/').pop() ?? id) : id;
  const geography = GEO_PREFIXES.find((prefix) => resource.startsWith(`${prefix}.`));
  return {
    modelId: id,
    crossRegionProfile: geography !== undefined,
    ...(geography !== undefined ? { geography } : {}),
    arn,
    baseModelId: stripGeoPrefix(id),
  };
}
