/** Geography prefixes of cross-region inference profile ids (`us.anthropic.…`), longest first so `us-gov` wins over `us`. */
export const GEO_PREFIXES = ['us-gov', 'global', 'apac', 'amer', 'us', 'eu', 'sa', 'jp', 'au'] as const;

const ARN_RESOURCE = /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(?:[a-z-]+\/)?(.+)$/;

/**
 * The base model id of a Bedrock model id: drops an ARN wrapper (`arn:aws:bedrock:…:foundation-model/…` or
 * `…:inference-profile/…`) and one geography prefix (`us.`, `eu.`, `apac.`, `global.`, `us-gov.`, `sa.`, `amer.`,
 * `jp.`, `au.`). `us.anthropic.claude-3-haiku-20240307-v1:0` -> `anthropic.claude-3-haiku-20240307-v1:0`.
 * An application-inference-profile ARN has no model id in it and comes back as its profile id.
 */
export function stripGeoPrefix(modelId: string): string {
  let id = modelId.trim();
  const arn = ARN_RESOURCE.exec(id);
  if (arn?.[1]) id = arn[1];
  for (const prefix of GEO_PREFIXES) {
    if (id.startsWith(`${prefix}.`)) return id.slice(prefix.length + 1);
  }
  return id;
}

/** The provider of a model id after {@link stripGeoPrefix}: `anthropic`, `meta`, `amazon`, … (the part before the first dot). */
export function modelProvider(modelId: string): string {
  const base = stripGeoPrefix(modelId);
  const dot = base.indexOf('.');
  return dot === -1 ? base : base.slice(0, dot);
}
