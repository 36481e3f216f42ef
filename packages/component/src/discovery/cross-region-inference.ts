import { dropdownInput } from '../inputs/dropdown-input';
import { parseModelId } from '../aws/parse-model-id';
import { ComponentValidationError } from '../validation/component-validation-error';

/** The values of the `cross_region_inference` input: `off` (default) calls the model id as given. */
export const CROSS_REGION_INFERENCE_MODES = ['off', 'geo', 'global'] as const;

/**
 * The advanced `cross_region_inference` input of the chat components: `off` (default: the model id as given, in the
 * node's region), `geo` (through the system-defined inference profile of the region's geography, e.g. `us.` in
 * us-east-1: requests may be served in other regions of that geography), `global` (through the `global.` profile:
 * any commercial region). Data residency is the user's choice: never switched on by itself.
 */
export function crossRegionInferenceInput() {
  return dropdownInput({
    displayName: 'Cross-Region Inference',
    info: "Call the model through an inference profile: geo = the profile of the region's geography (us., eu., apac., …; requests may be served in other regions of that geography), global = the global profile (any commercial region). Needed by models without on-demand throughput. geo never picks the narrower Japan (jp.) or Australia (au.) profiles some models have: type that id as the model to keep requests in that country. Off by default: requests stay in the node's region.",
    options: CROSS_REGION_INFERENCE_MODES,
    default: 'off',
    advanced: true,
  });
}

/**
 * The geography prefix of the system-defined profiles a region's calls use (`us-east-1` → `us`, `eu-west-1` → `eu`,
 * `ap-southeast-2` → `apac`, `us-gov-west-1` → `us-gov`, `ca-central-1` → `ca`), as AWS names them in
 * "Supported Regions and models for inference profiles"; `undefined` for a region without one.
 */
export function profileGeographyOfRegion(region: string): string | undefined {
  if (region.startsWith('us-gov-')) return 'us-gov';
  if (/^us-[a-z]+-\d+$/.test(region)) return 'us';
  if (/^eu-[a-z]+-\d+$/.test(region)) return 'eu';
  if (/^ap-[a-z]+-\d+$/.test(region)) return 'apac';
  if (/^ca-[a-z]+-\d+$/.test(region)) return 'ca';
  return undefined;
}

/** What a chat component sends, and what its metadata says about it. */
export interface CrossRegionCall {
  /** The model id sent: the profile id when cross-region inference applies, else the model id as given. */
  modelId: string;
  /** The inference profile id used (`responseMetadata.inference_profile`), when `cross_region_inference` applied one. */
  inferenceProfile: string | undefined;
}

/**
 * The model id to send for `mode`: a foundation model id becomes `<geo>.<id>` or `global.<id>`; an id that already
 * names a profile (or an ARN) is sent as it is (the user chose it). Throws a `ComponentValidationError` on
 * `cross_region_inference` for `geo` in a region without a geography, before any call.
 */
export function applyCrossRegionInference(modelId: string, region: string, mode: string | undefined, component = 'component', prefix?: string): CrossRegionCall {
  if (mode === undefined || mode === 'off') return { modelId, inferenceProfile: undefined };
  const parsed = parseModelId(modelId);
  // An id that already names a profile (system-defined or an application profile ARN, which may route anywhere) is
  // called as written, and the metadata says it went through that profile.
  const named = parsed.kind === 'inference-profile' || parsed.kind === 'application-inference-profile';
  if (parsed.kind !== 'foundation-model' || modelId.startsWith('arn:')) return { modelId, inferenceProfile: named ? modelId : undefined };
  const geography = mode === 'global' ? 'global' : profileGeographyOfRegion(region);
  if (!geography) {
    throw new ComponentValidationError(
      component,
      [{ field: 'cross_region_inference', problem: `is "geo", and region ${region} has no geographic inference profile`, allowed: 'off, global, or a region of the us, us-gov, eu, apac or ca geography' }],
      prefix === undefined ? {} : { prefix },
    );
  }
  const profile = `${geography}.${modelId}`;
  return { modelId: profile, inferenceProfile: profile };
}
