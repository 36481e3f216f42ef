/** A modality in Bedrock's model summaries. */
export type EmulatorModality = 'TEXT' | 'IMAGE' | 'EMBEDDING' | 'VIDEO' | 'SPEECH';

/** How a model may be invoked: by its own id (`ON_DEMAND`), through provisioned throughput, or only through an inference profile. */
export type EmulatorInferenceType = 'ON_DEMAND' | 'PROVISIONED' | 'INFERENCE_PROFILE';

/** A geography with system-defined cross-region inference profiles: the prefix of their ids (`us.anthropic.…`). */
export type EmulatorProfileGeography = 'us' | 'eu' | 'apac' | 'global';

/** One foundation model of the emulator's catalog (what ListFoundationModels answers and the runtime checks). */
export interface EmulatorFoundationModel {
  /** Model id, e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  modelId: string;
  /** Display name, e.g. `Claude Sonnet 4.5`. */
  modelName: string;
  /** Provider, e.g. `Anthropic`. */
  providerName: string;
  inputModalities: EmulatorModality[];
  outputModalities: EmulatorModality[];
  responseStreamingSupported: boolean;
  /** `ON_DEMAND` absent: Converse/InvokeModel with the bare id answer the on-demand ValidationException (see `enforceInferenceProfiles`). */
  inferenceTypesSupported: EmulatorInferenceType[];
  /** Default `ACTIVE`. */
  lifecycleStatus?: 'ACTIVE' | 'LEGACY';
  /** Geographies with a system-defined profile of this model (`us.<modelId>`, `global.<modelId>`, …). Default none. */
  crossRegionProfiles?: EmulatorProfileGeography[];
  /** Regions where the model is listed. Default: every region. */
  regions?: string[];
}

/** An application inference profile (one a user created, `type: APPLICATION`). */
export interface EmulatorApplicationProfile {
  /** The profile id, the last part of its ARN, e.g. `a1b2c3d4e5f6`. */
  inferenceProfileId: string;
  inferenceProfileName: string;
  /** What it routes to: a foundation model id or a system-defined profile id (`us.anthropic.…`), as `copyFrom` named it. */
  copyFrom: string;
  /** Region of the profile. Default: listed in every region. */
  region?: string;
  description?: string;
}

/** The control-plane data of an emulator (option `catalog`); each list replaces the default one when given. */
export interface EmulatorCatalog {
  /** Default {@link DEFAULT_FOUNDATION_MODELS}. */
  foundationModels?: EmulatorFoundationModel[];
  /** Default none. */
  applicationInferenceProfiles?: EmulatorApplicationProfile[];
  /** The account id in profile ARNs. Default `123456789012`. */
  accountId?: string;
}
