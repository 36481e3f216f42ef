import { stripGeoPrefix } from '@bedrock-flow/component';
import { EmbeddingConfigError } from '../errors/embedding-config-error';

/** The request/response shapes bedrock-flow knows: Titan Text Embeddings v1 and v2, Cohere Embed v3. */
export type EmbeddingModelFamily = 'titan-v1' | 'titan-v2' | 'cohere-v3';

/** What each family accepts and returns. */
export interface EmbeddingFamilySpec {
  /** Texts per InvokeModel request (Titan 1, Cohere 96). */
  maxTextsPerRequest: number;
  /** Characters per text Bedrock accepts (Titan 50,000; Cohere 2,048). */
  maxCharsPerText: number;
  /** Vector length when the model has a fixed one (Titan v1 1536, Cohere v3 1024); Titan v2 uses `dimensions`. */
  fixedDimensions: number | undefined;
}

/** Limits per family, from the Bedrock model parameter pages. */
export const EMBEDDING_FAMILY_SPECS: Readonly<Record<EmbeddingModelFamily, EmbeddingFamilySpec>> = {
  'titan-v1': { maxTextsPerRequest: 1, maxCharsPerText: 50_000, fixedDimensions: 1536 },
  'titan-v2': { maxTextsPerRequest: 1, maxCharsPerText: 50_000, fixedDimensions: undefined },
  'cohere-v3': { maxTextsPerRequest: 96, maxCharsPerText: 2_048, fixedDimensions: 1024 },
};

/** The four model ids of Langflow's `AWS_EMBEDDING_MODEL_IDS` (shared with `@bedrock-flow/component`). */
export { AWS_EMBEDDING_MODEL_IDS } from '@bedrock-flow/component';

/** ARN resource types whose id names the model; the others (provisioned, custom, application profiles) are opaque. */
const NAMED_ARN_RESOURCES = new Set(['foundation-model', 'inference-profile']);

const FAMILY_PATTERNS: ReadonlyArray<[RegExp, EmbeddingModelFamily]> = [
  [/^amazon\.titan-embed-(text-v1|g1-text-02)(:.*)?$/, 'titan-v1'],
  [/^amazon\.titan-embed-text-v2(:.*)?$/, 'titan-v2'],
  [/^cohere\.embed-(english|multilingual)-v3(:.*)?$/, 'cohere-v3'],
];

const ALLOWED_MODELS =
  'amazon.titan-embed-text-v1, amazon.titan-embed-text-v2:0, cohere.embed-english-v3, cohere.embed-multilingual-v3, ' +
  'with an optional cross-region prefix (us., eu., apac., …) or as a foundation-model / inference-profile ARN; ' +
  'for provisioned, custom or application-profile ARNs set modelFamily';

/**
 * The foundation model id inside a model id: strips an ARN down to its resource id and a
 * cross-region prefix (`us.`, `eu.`, `global.`…). Returns `undefined` for opaque ARNs
 * (provisioned model, custom model, application inference profile).
 */
export function baseEmbeddingModelId(modelId: string): string | undefined {
  let id = modelId.trim();
  if (id.startsWith('arn:')) {
    // arn:partition:bedrock:region:account:resource-type/resource-id
    const resource = id.split(':').slice(5).join(':');
    const slash = resource.indexOf('/');
    if (slash < 0 || !NAMED_ARN_RESOURCES.has(resource.slice(0, slash))) return undefined;
    id = resource.slice(slash + 1);
  }
  return stripGeoPrefix(id);
}

/**
 * Resolves the family of an embedding model id (plain, cross-region or ARN). `override` wins when
 * given (needed for opaque ARNs). Throws {@link EmbeddingConfigError} (`EMBEDDING_MODEL_UNSUPPORTED`)
 * for any other model.
 */
export function resolveEmbeddingModelFamily(modelId: unknown, override?: unknown): EmbeddingModelFamily {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new EmbeddingConfigError('model', 'must be a non-empty string', ALLOWED_MODELS);
  }
  if (override !== undefined) {
    if (override === 'titan-v1' || override === 'titan-v2' || override === 'cohere-v3') return override;
    throw new EmbeddingConfigError('modelFamily', `"${String(override)}" is not a known family`, 'titan-v1, titan-v2, cohere-v3');
  }
  const base = baseEmbeddingModelId(modelId);
  const match = base === undefined ? undefined : FAMILY_PATTERNS.find(([pattern]) => pattern.test(base));
  if (!match) {
    throw new EmbeddingConfigError(
      'model',
      `"${modelId}" is not a supported embedding model`,
      ALLOWED_MODELS,
      'EMBEDDING_MODEL_UNSUPPORTED',
    );
  }
  return match[1];
}
