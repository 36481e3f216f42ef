/** A foundation model the account can see in a region, as discovery reports it. */
export interface DiscoveredModel {
  /** Model id, e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  modelId: string;
  /** Display name, e.g. `Claude Sonnet 4.5`. */
  modelName: string;
  /** Provider, e.g. `Anthropic`. */
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  /** Whether the model streams (ConverseStream, InvokeModelWithResponseStream). */
  streaming: boolean;
  /** Whether the model may be called by its own id (on-demand throughput). */
  onDemand: boolean;
  /** Whether Bedrock lists it as callable through an inference profile. */
  inferenceProfile: boolean;
  /** `ACTIVE` or `LEGACY`. */
  lifecycle: string;
  /** Ids of the inference profiles listed in the region that route to this model (system-defined, then application). */
  profiles: string[];
}

/** An inference profile listed in a region. */
export interface DiscoveredProfile {
  /** The id to call: `us.anthropic.…` for a system-defined profile, the short id of an application profile. */
  id: string;
  /** Its ARN (an application profile is called by ARN). */
  arn: string;
  name: string;
  type: 'SYSTEM_DEFINED' | 'APPLICATION';
  status: string;
  /** Geography of a system-defined profile (`us`, `eu`, `apac`, `global`, …), from its id; `undefined` for an application one. */
  geography: string | undefined;
  /** Foundation model ids it routes to (each once). */
  modelIds: string[];
  /** Regions it routes to (from its model ARNs; `[]` for a global profile, whose ARNs name none). */
  regions: string[];
}

/** What `listModels` returns: plain JSON, no secret. */
export interface ModelCatalog {
  /** The region asked. */
  region: string;
  /** When Bedrock was asked (ISO 8601); a cached answer keeps its time. */
  fetchedAt: string;
  models: DiscoveredModel[];
  inferenceProfiles: DiscoveredProfile[];
}
