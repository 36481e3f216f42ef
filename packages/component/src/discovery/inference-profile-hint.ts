import type { ClientConfig, NodeIdentity } from '@bedrock-flow/bedrock-pool';
import { awsErrorFacts } from '@bedrock-flow/bedrock-pool';
import { listModels, type DiscoveryPool } from './list-models';
import { profilesForModel } from './profiles-for-model';

/** Bedrock's answer when a model has no on-demand throughput (`isn’t` with a typographic apostrophe, or a plain one). */
const ON_DEMAND_UNSUPPORTED = /with on-demand throughput isn[’']t supported/i;

/** Whether `error` is Bedrock's "needs an inference profile" ValidationException. */
export function needsInferenceProfile(error: unknown): boolean {
  const facts = awsErrorFacts(error);
  return facts.name === 'ValidationException' && error instanceof Error && ON_DEMAND_UNSUPPORTED.test(error.message);
}

/**
 * The ids of the inference profiles that serve `modelId` in `config.region`, from discovery (the node's pooled
 * control-plane client, cached per credential scope): `undefined` when the account cannot be asked (then the error
 * says so instead). Never throws.
 */
export async function inferenceProfilesFor(pool: unknown, identity: NodeIdentity, config: ClientConfig, modelId: string): Promise<string[] | undefined> {
  try {
    const catalog = await listModels({ ...config, pool: pool as DiscoveryPool, identity });
    return profilesForModel(catalog, modelId);
  } catch {
    return undefined;
  }
}

/** The sentence a component error adds to the on-demand error: the profiles to use, or why none are named. */
export function inferenceProfileAdvice(region: string, profiles: string[] | undefined): string {
  const remedy = 'or set cross_region_inference to geo or global';
  if (profiles === undefined) return ` The inference profiles of region ${region} could not be listed (ListInferenceProfiles failed); use a profile id (us., eu., apac., global. before the model id) ${remedy}.`;
  if (profiles.length === 0) return ` No inference profile in region ${region} serves this model; choose another model or region.`;
  return ` Inference profiles serving this model in ${region}: ${profiles.join(', ')}. Use one as model_id ${remedy}.`;
}
