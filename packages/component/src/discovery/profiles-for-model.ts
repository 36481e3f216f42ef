import { parseModelId } from '../aws/parse-model-id';
import type { ModelCatalog } from './model-catalog';

/** The ids of the inference profiles listed in the catalog's region that route to `modelId` (system-defined first, geographic before `global`). */
export function profilesForModel(catalog: ModelCatalog, modelId: string): string[] {
  const base = parseModelId(modelId).baseModelId;
  const profiles = catalog.inferenceProfiles.filter((profile) => profile.modelIds.includes(base));
  const rank = (p: (typeof profiles)[number]) => (p.type === 'APPLICATION' ? 2 : p.geography === 'global' ? 1 : 0);
  return profiles.sort((a, b) => rank(a) - rank(b)).map((profile) => (profile.type === 'APPLICATION' ? profile.arn : profile.id));
}

/** Which profile `cross_region_inference` picks: `geo` = the region's geographic profile (`us.`, `eu.`, `apac.`, …), `global` = the global one. */
export type CrossRegionInference = 'off' | 'geo' | 'global';

/** The system-defined profile id of `modelId` for `mode` in the catalog's region, or `undefined` when none is listed. */
export function crossRegionProfileFor(catalog: ModelCatalog, modelId: string, mode: Exclude<CrossRegionInference, 'off'>): string | undefined {
  const base = parseModelId(modelId).baseModelId;
  return catalog.inferenceProfiles.find(
    (profile) => profile.type === 'SYSTEM_DEFINED' && profile.modelIds.includes(base) && (mode === 'global' ? profile.geography === 'global' : profile.geography !== undefined && profile.geography !== 'global'),
  )?.id;
}
