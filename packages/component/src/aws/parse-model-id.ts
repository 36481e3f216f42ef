/**
 * Geography prefixes of cross-region inference profile ids (`us.anthropic.…`), longest first so `us-gov` wins over
 * `us`: the system-defined profiles Bedrock publishes (`global`, `us`, `us-gov`, `eu`, `apac`, `jp`, `au`, `ca`) and
 * the regional groupings seen in profile ids (`amer`, `sa`). The emulator keeps the same list (agreement test).
 */
export const GEO_PREFIXES = ['us-gov', 'global', 'apac', 'amer', 'us', 'eu', 'sa', 'jp', 'au', 'ca'] as const;

/** What kind of id {@link parseModelId} was given. */
export type ModelIdKind =
  /** A foundation model id (`anthropic.claude-…`) or its ARN (`…:foundation-model/…`). */
  | 'foundation-model'
  /** A cross-region (system-defined) inference profile id (`us.anthropic.…`) or its ARN. */
  | 'inference-profile'
  /** An application inference profile ARN: its id names no model. */
  | 'application-inference-profile'
  /** A provisioned-throughput model ARN: its id names no model. */
  | 'provisioned-model'
  /** A custom model ARN (`…:custom-model/amazon.titan-text-express-v1:0:8k/abc123`): its id starts with the base model's. */
  | 'custom-model';

/** A model id taken apart. */
export interface ParsedModelId {
  /** The id as given (sent unchanged on the wire). */
  modelId: string;
  kind: ModelIdKind;
  /** The geography of a cross-region inference profile (`us`, `eu`, …), else `undefined`. */
  geography: string | undefined;
  /**
   * The foundation model id (`anthropic.claude-3-haiku-20240307-v1:0`): ARN and geography removed. For the ARN kinds
   * that name no model, the resource id (the profile or model id) as it is.
   */
  baseModelId: string;
  /** The provider (`anthropic`, `amazon`, `meta`, …), lower-case, the part of the base id before its first dot; `''` when the id names no model. */
  provider: string;
}

const ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:[0-9]*:(foundation-model|inference-profile|system-defined-inference-profile|application-inference-profile|provisioned-model|custom-model)\/(.+)$/;

/**
 * Takes a Bedrock model id apart: the ARN wrapper (foundation model, inference profile, application inference
 * profile, provisioned model, custom model; the last but one and the last but two name no model), one geography prefix (see {@link GEO_PREFIXES}), the base model id and
 * its provider. `arn:aws:bedrock:us-east-1:1:inference-profile/eu.anthropic.claude…` -> geography `eu`, provider
 * `anthropic`. The one parser the components and hosts use.
 */
export function parseModelId(modelId: string): ParsedModelId {
  let id = modelId.trim();
  let kind: ModelIdKind = 'foundation-model';
  const arn = ARN.exec(id);
  if (arn) {
    const type = arn[1] as string;
    id = arn[2] as string;
    if (type === 'application-inference-profile' || type === 'provisioned-model') {
      return { modelId, kind: type, geography: undefined, baseModelId: id, provider: '' };
    }
    if (type === 'custom-model') kind = 'custom-model';
    else if (type !== 'foundation-model') kind = 'inference-profile';
  }
  let geography: string | undefined;
  const dot = id.indexOf('.');
  const first = dot > 0 ? id.slice(0, dot).toLowerCase() : '';
  // A geography is followed by a provider and a model (`us.meta.llama…`): `us.x` alone is no profile id.
  if ((GEO_PREFIXES as readonly string[]).includes(first) && id.indexOf('.', dot + 1) > dot + 1) {
    geography = first;
    id = id.slice(dot + 1);
    if (kind === 'foundation-model') kind = 'inference-profile';
  }
  const providerDot = id.indexOf('.');
  return { modelId, kind, geography, baseModelId: id, provider: providerDot > 0 ? id.slice(0, providerDot).toLowerCase() : '' };
}
