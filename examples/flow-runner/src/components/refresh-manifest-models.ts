import { listModels, type ComponentManifest, type ListModelsOptions, type ModelCatalog } from '@bedrock-flow/component';

/** What {@link refreshManifestModels} returns: the manifest, and whether its model lists are the account's. */
export interface RefreshedManifest {
  manifest: ComponentManifest;
  /** `live`: the `model_id` lists are what the account can call in the region; `static`: the components' own lists. */
  source: 'live' | 'static';
  /** Why the account could not be asked (the error name and message; never a secret), when `source` is `static`. */
  reason?: string;
}

/** The model ids (and system-defined or application profiles routing to them) of `catalog` with `modality` out. */
export function liveModelIds(catalog: ModelCatalog, modality: 'TEXT' | 'EMBEDDING'): string[] {
  const models = catalog.models.filter((model) => model.outputModalities.includes(modality)).map((model) => model.modelId);
  const listed = new Set(models);
  const profiles = catalog.inferenceProfiles.filter((profile) => profile.modelIds.some((id) => listed.has(id))).map((profile) => (profile.type === 'APPLICATION' ? profile.arn : profile.id));
  return [...models, ...profiles];
}

/** `manifest` with every `model_id` dropdown listing `catalog`'s models (embedding components: embedding models). */
export function manifestWithModels(manifest: ComponentManifest, catalog: ModelCatalog): ComponentManifest {
  return {
    ...manifest,
    components: manifest.components.map((component) => ({
      ...component,
      inputs: component.inputs.map((input) =>
        input.name === 'model_id' ? { ...input, options: liveModelIds(catalog, component.name === 'AmazonBedrockEmbeddings' ? 'EMBEDDING' : 'TEXT') } : input,
      ),
    })),
  };
}

/**
 * Refreshes a palette manifest's model lists from the account (`listModels` with `options`: region, credentials,
 * pool). When the account cannot be asked, the manifest comes back unchanged with `source: 'static'` and the reason:
 * never a silent fallback.
 */
export async function refreshManifestModels(manifest: ComponentManifest, options: ListModelsOptions): Promise<RefreshedManifest> {
  try {
    return { manifest: manifestWithModels(manifest, await listModels(options)), source: 'live' };
  } catch (error) {
    return { manifest, source: 'static', reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
