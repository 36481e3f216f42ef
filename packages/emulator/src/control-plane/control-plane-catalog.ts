import { BedrockError, validationError } from '../errors/bedrock-error';
import type { EmulatorApplicationProfile, EmulatorCatalog, EmulatorFoundationModel, EmulatorProfileGeography } from './catalog-types';
import { DEFAULT_FOUNDATION_MODELS } from './default-foundation-models';
import { GEOGRAPHY_LABELS, GEOGRAPHY_REGIONS, geographyOfRegion } from './region-geography';

/** A model summary as ListFoundationModels answers it (JSON). */
export interface FoundationModelSummaryJson {
  modelArn: string;
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  responseStreamingSupported: boolean;
  customizationsSupported: string[];
  inferenceTypesSupported: string[];
  modelLifecycle: { status: string };
}

/** An inference profile summary as ListInferenceProfiles answers it (JSON). */
export interface InferenceProfileSummaryJson {
  inferenceProfileName: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  inferenceProfileArn: string;
  models: Array<{ modelArn: string }>;
  inferenceProfileId: string;
  status: 'ACTIVE';
  type: 'SYSTEM_DEFINED' | 'APPLICATION';
}

const GEOGRAPHIES: readonly EmulatorProfileGeography[] = ['us', 'eu', 'apac', 'global'];
// The date Bedrock shows for profiles it created; fixed so answers are deterministic.
const PROFILE_DATE = '2025-01-01T00:00:00Z';
const FOUNDATION_MODEL_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*::foundation-model\/(.+)$/;
const PROFILE_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:inference-profile\/(.+)$/;

/**
 * The emulator's control-plane data: foundation models and the inference profiles that serve them, answered per
 * region (the signing region of the request), and the runtime's check that a profile-only model is called through one.
 */
export class ControlPlaneCatalog {
  readonly #models: readonly EmulatorFoundationModel[];
  readonly #byId: ReadonlyMap<string, EmulatorFoundationModel>;
  readonly #applicationProfiles: readonly EmulatorApplicationProfile[];
  readonly #accountId: string;

  constructor(catalog: EmulatorCatalog = {}) {
    this.#models = catalog.foundationModels ?? DEFAULT_FOUNDATION_MODELS;
    this.#byId = new Map(this.#models.map((model) => [model.modelId, model]));
    this.#applicationProfiles = catalog.applicationInferenceProfiles ?? [];
    this.#accountId = catalog.accountId ?? '123456789012';
  }

  /** ListFoundationModels in `region`, with its filters (already validated). */
  foundationModels(region: string, filters: { byProvider?: string; byOutputModality?: string; byInferenceType?: string; byCustomizationType?: string }): FoundationModelSummaryJson[] {
    const provider = filters.byProvider?.toLowerCase();
    return this.#models
      .filter((model) => !model.regions || model.regions.includes(region))
      .filter((model) => provider === undefined || model.providerName.toLowerCase() === provider)
      .filter((model) => filters.byOutputModality === undefined || model.outputModalities.includes(filters.byOutputModality as never))
      .filter((model) => filters.byInferenceType === undefined || model.inferenceTypesSupported.includes(filters.byInferenceType as never))
      // No model of the emulator supports customization.
      .filter(() => filters.byCustomizationType === undefined)
      .map((model) => ({
        modelArn: `arn:aws:bedrock:${region}::foundation-model/${model.modelId}`,
        modelId: model.modelId,
        modelName: model.modelName,
        providerName: model.providerName,
        inputModalities: [...model.inputModalities],
        outputModalities: [...model.outputModalities],
        responseStreamingSupported: model.responseStreamingSupported,
        customizationsSupported: [],
        inferenceTypesSupported: [...model.inferenceTypesSupported],
        modelLifecycle: { status: model.lifecycleStatus ?? 'ACTIVE' },
      }));
  }

  /** Every inference profile listed in `region` (system-defined first, then application), optionally of one type. */
  inferenceProfiles(region: string, type?: 'SYSTEM_DEFINED' | 'APPLICATION'): InferenceProfileSummaryJson[] {
    const system = type === 'APPLICATION' ? [] : this.#systemProfiles(region);
    const application = type === 'SYSTEM_DEFINED' ? [] : this.#applicationProfilesIn(region);
    return [...system, ...application];
  }

  /**
   * Throws Bedrock's ValidationException when a runtime call names a profile-only model by its bare id or foundation
   * model ARN (the on-demand error), or a system-defined profile that does not serve `region`. Models the catalog does
   * not list pass.
   */
  checkInvocation(modelId: string, region: string): void {
    const bare = FOUNDATION_MODEL_ARN.exec(modelId)?.[1] ?? modelId;
    const model = this.#byId.get(bare);
    if (model && !model.inferenceTypesSupported.includes('ON_DEMAND')) {
      throw validationError(
        `Invocation of model ID ${model.modelId} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
      );
    }
    const profileId = PROFILE_ARN.exec(modelId)?.[1] ?? modelId;
    const dot = profileId.indexOf('.');
    const prefix = profileId.slice(0, dot) as EmulatorProfileGeography;
    if (dot <= 0 || !GEOGRAPHIES.includes(prefix)) return;
    const profiled = this.#byId.get(profileId.slice(dot + 1));
    if (!profiled) return;
    const served = profiled.crossRegionProfiles?.includes(prefix) && (prefix === 'global' ? geographyOfRegion(region) !== undefined : geographyOfRegion(region) === prefix);
    if (!served) throw validationError('The provided model identifier is invalid.');
  }

  #systemProfiles(region: string): InferenceProfileSummaryJson[] {
    const geography = geographyOfRegion(region);
    if (!geography) return [];
    const profiles: InferenceProfileSummaryJson[] = [];
    for (const model of this.#models) {
      for (const geo of [geography, 'global'] as const) {
        if (model.crossRegionProfiles?.includes(geo)) profiles.push(this.#systemProfile(model, geo, region));
      }
    }
    return profiles;
  }

  #systemProfile(model: EmulatorFoundationModel, geo: EmulatorProfileGeography, region: string): InferenceProfileSummaryJson {
    const id = `${geo}.${model.modelId}`;
    const sources = geo === 'global' ? undefined : GEOGRAPHY_REGIONS[geo];
    return {
      inferenceProfileName: `${GEOGRAPHY_LABELS[geo]} ${model.providerName} ${model.modelName}`,
      description: sources
        ? `Routes requests to ${model.modelName} in ${sources.slice(0, -1).join(', ')} and ${sources[sources.length - 1]}.`
        : `Routes requests to ${model.modelName} in commercial AWS Regions worldwide.`,
      createdAt: PROFILE_DATE,
      updatedAt: PROFILE_DATE,
      inferenceProfileArn: `arn:aws:bedrock:${region}:${this.#accountId}:inference-profile/${id}`,
      // A global profile's model ARN names no region.
      models: sources ? sources.map((source) => ({ modelArn: `arn:aws:bedrock:${source}::foundation-model/${model.modelId}` })) : [{ modelArn: `arn:aws:bedrock:::foundation-model/${model.modelId}` }],
      inferenceProfileId: id,
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    };
  }

  #applicationProfilesIn(region: string): InferenceProfileSummaryJson[] {
    return this.#applicationProfiles
      .filter((profile) => profile.region === undefined || profile.region === region)
      .map((profile) => {
        const at = profile.region ?? region;
        return {
          inferenceProfileName: profile.inferenceProfileName,
          description: profile.description ?? '',
          createdAt: PROFILE_DATE,
          updatedAt: PROFILE_DATE,
          inferenceProfileArn: `arn:aws:bedrock:${at}:${this.#accountId}:application-inference-profile/${profile.inferenceProfileId}`,
          models: this.#modelsOf(profile.copyFrom, at),
          inferenceProfileId: profile.inferenceProfileId,
          status: 'ACTIVE' as const,
          type: 'APPLICATION' as const,
        };
      });
  }

  /** The models an application profile routes to: those of the system profile it copies, or the one foundation model. */
  #modelsOf(copyFrom: string, region: string): Array<{ modelArn: string }> {
    const dot = copyFrom.indexOf('.');
    const geo = copyFrom.slice(0, dot) as EmulatorProfileGeography;
    const model = this.#byId.get(copyFrom.slice(dot + 1));
    if (dot > 0 && GEOGRAPHIES.includes(geo) && model) return this.#systemProfile(model, geo, region).models;
    return [{ modelArn: `arn:aws:bedrock:${region}::foundation-model/${copyFrom}` }];
  }
}

/** ListFoundationModels' enum filters, as Bedrock validates them. */
export const FOUNDATION_MODEL_FILTERS = {
  byOutputModality: ['TEXT', 'IMAGE', 'EMBEDDING'],
  byInferenceType: ['ON_DEMAND', 'PROVISIONED'],
  byCustomizationType: ['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION'],
} as const;

/** Bedrock's wording for one failed member constraint. */
export function constraintError(field: string, value: string, constraint: string): BedrockError {
  return validationError(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);
}
