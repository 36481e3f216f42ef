import type { FoundationModelSummary, InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import { parseModelId } from '../aws/parse-model-id';
import type { DiscoveredModel, DiscoveredProfile, ModelCatalog } from './model-catalog';

const MODEL_ARN = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]*)::foundation-model\/(.+)$/;

/** Joins the two list answers into a {@link ModelCatalog}: each model with the profiles that route to it. */
export function toModelCatalog(region: string, fetchedAt: Date, models: FoundationModelSummary[], profiles: InferenceProfileSummary[]): ModelCatalog {
  const inferenceProfiles: DiscoveredProfile[] = profiles.map((profile) => {
    const targets = (profile.models ?? []).map((model) => MODEL_ARN.exec(model.modelArn ?? '')).filter((match): match is RegExpExecArray => match !== null);
    const type = profile.type === 'APPLICATION' ? 'APPLICATION' : 'SYSTEM_DEFINED';
    return {
      id: profile.inferenceProfileId ?? '',
      arn: profile.inferenceProfileArn ?? '',
      name: profile.inferenceProfileName ?? '',
      type,
      status: profile.status ?? 'ACTIVE',
      geography: type === 'SYSTEM_DEFINED' ? parseModelId(profile.inferenceProfileId ?? '').geography : undefined,
      modelIds: [...new Set(targets.map((match) => match[2] as string))],
      regions: [...new Set(targets.map((match) => match[1] as string).filter((r) => r !== ''))],
    };
  });
  const discovered: DiscoveredModel[] = models.map((model) => {
    const types = (model.inferenceTypesSupported ?? []) as string[];
    const modelId = model.modelId ?? '';
    return {
      modelId,
      modelName: model.modelName ?? modelId,
      providerName: model.providerName ?? '',
      inputModalities: [...(model.inputModalities ?? [])],
      outputModalities: [...(model.outputModalities ?? [])],
      streaming: model.responseStreamingSupported === true,
      onDemand: types.includes('ON_DEMAND'),
      inferenceProfile: types.includes('INFERENCE_PROFILE'),
      lifecycle: model.modelLifecycle?.status ?? 'ACTIVE',
      profiles: inferenceProfiles.filter((profile) => profile.modelIds.includes(modelId)).map((profile) => profile.id),
    };
  });
  return { region, fetchedAt: fetchedAt.toISOString(), models: discovered, inferenceProfiles };
}
