import { describeValue } from '../options/describe-value';
import type { OptionChecks } from '../options/option-checks';

const MODEL_FIELDS = ['modelId', 'modelName', 'providerName', 'inputModalities', 'outputModalities', 'responseStreamingSupported', 'inferenceTypesSupported', 'lifecycleStatus', 'crossRegionProfiles', 'regions'];
const PROFILE_FIELDS = ['inferenceProfileId', 'inferenceProfileName', 'copyFrom', 'region', 'description'];
const MODALITIES = ['TEXT', 'IMAGE', 'EMBEDDING', 'VIDEO', 'SPEECH'];
const INFERENCE_TYPES = ['ON_DEMAND', 'PROVISIONED', 'INFERENCE_PROFILE'];
const GEOGRAPHIES = ['us', 'eu', 'apac', 'global'];

/** Records every problem of the `catalog` option (shapes of models and application profiles). */
export function checkCatalog(checks: OptionChecks, value: unknown): void {
  const catalog = checks.record('catalog', value, ['foundationModels', 'applicationInferenceProfiles', 'accountId']);
  if (!catalog) return;
  if (catalog['accountId'] !== undefined && (typeof catalog['accountId'] !== 'string' || !/^\d{12}$/.test(catalog['accountId']))) {
    checks.add('catalog.accountId', `must be 12 digits, got ${describeValue(catalog['accountId'])}`);
  }
  const models = checks.array('catalog.foundationModels', catalog['foundationModels'], 'foundation model objects') ?? [];
  for (const [i, model] of models.entries()) {
    const field = `catalog.foundationModels[${i}]`;
    const record = checks.record(field, model, MODEL_FIELDS);
    if (!record) continue;
    for (const name of ['modelId', 'modelName', 'providerName']) {
      if (typeof record[name] !== 'string' || record[name] === '') checks.add(`${field}.${name}`, `is required (a non-empty string), got ${describeValue(record[name])}`);
    }
    if (typeof record['responseStreamingSupported'] !== 'boolean') checks.add(`${field}.responseStreamingSupported`, `is required (true or false), got ${describeValue(record['responseStreamingSupported'])}`);
    listOf(checks, `${field}.inputModalities`, record['inputModalities'], MODALITIES, true);
    listOf(checks, `${field}.outputModalities`, record['outputModalities'], MODALITIES, true);
    listOf(checks, `${field}.inferenceTypesSupported`, record['inferenceTypesSupported'], INFERENCE_TYPES, true);
    listOf(checks, `${field}.crossRegionProfiles`, record['crossRegionProfiles'], GEOGRAPHIES, false);
    checks.oneOf(`${field}.lifecycleStatus`, record['lifecycleStatus'], ['ACTIVE', 'LEGACY']);
    const regions = checks.array(`${field}.regions`, record['regions'], 'region names') ?? [];
    for (const [j, region] of regions.entries()) checks.string(`${field}.regions[${j}]`, region);
  }
  const profiles = checks.array('catalog.applicationInferenceProfiles', catalog['applicationInferenceProfiles'], 'application profile objects') ?? [];
  for (const [i, profile] of profiles.entries()) {
    const field = `catalog.applicationInferenceProfiles[${i}]`;
    const record = checks.record(field, profile, PROFILE_FIELDS);
    if (!record) continue;
    if (typeof record['inferenceProfileId'] !== 'string' || !/^[a-z0-9]{1,64}$/.test(record['inferenceProfileId'])) {
      checks.add(`${field}.inferenceProfileId`, `must be lower-case letters and digits (e.g. "a1b2c3d4e5f6"), got ${describeValue(record['inferenceProfileId'])}`);
    }
    for (const name of ['inferenceProfileName', 'copyFrom']) {
      if (typeof record[name] !== 'string' || record[name] === '') checks.add(`${field}.${name}`, `is required (a non-empty string), got ${describeValue(record[name])}`);
    }
    checks.string(`${field}.region`, record['region']);
    if (record['description'] !== undefined && typeof record['description'] !== 'string') checks.add(`${field}.description`, `must be a string, got ${describeValue(record['description'])}`);
  }
}

function listOf(checks: OptionChecks, field: string, value: unknown, allowed: readonly string[], required: boolean): void {
  if (value === undefined) {
    if (required) checks.add(field, `is required (an array of ${allowed.join(', ')})`);
    return;
  }
  const list = checks.array(field, value, `values among ${allowed.join(', ')}`) ?? [];
  for (const [i, item] of list.entries()) checks.oneOf(`${field}[${i}]`, item, allowed);
}
