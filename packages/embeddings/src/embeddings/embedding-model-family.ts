import { parseModelId, type ModelIdKind } from '@bedrock-flow/component';
import { EmbeddingConfigError } from '../errors/embedding-config-error';

/**
 * The request/response shapes bedrock-flow knows: Titan Text Embeddings v1 and v2, Cohere Embed v3 and v4, Titan
 * Multimodal Embeddings G1 (text input) and Amazon Nova Multimodal Embeddings (text input).
 */
export type EmbeddingModelFamily = 'titan-v1' | 'titan-v2' | 'cohere-v3' | 'cohere-v4' | 'titan-multimodal' | 'nova-multimodal';

/** Every family, in the order errors list them. */
export const EMBEDDING_MODEL_FAMILIES: readonly EmbeddingModelFamily[] = [
  'titan-v1',
  'titan-v2',
  'cohere-v3',
  'cohere-v4',
  'titan-multimodal',
  'nova-multimodal',
];

/** What each family accepts and returns. */
export interface EmbeddingFamilySpec {
  /** Texts per InvokeModel request (Cohere 96, the others 1). */
  maxTextsPerRequest: number;
  /**
   * Characters per text Bedrock documents for the family (Titan text 50,000; Cohere v3 2,048; Nova 8,192), checked
   * before sending. `Infinity` where the limit is in tokens only (Cohere v4 ~128k, Titan multimodal 128): the service
   * counts those, so a character check here could only be stricter than Bedrock.
   */
  maxCharsPerText: number;
  /** Vector length when the model has a fixed one (Titan v1 1536, Cohere v3 1024); `undefined` when configurable. */
  fixedDimensions: number | undefined;
  /** Vector sizes the model accepts, when configurable. */
  dimensionOptions: readonly number[] | undefined;
  /** The model's own default size, when configurable. */
  defaultDimensions: number | undefined;
  /** Whether the body carries a truncation mode (Cohere v3/v4 `truncate`, Nova `truncationMode`). */
  truncates: boolean;
}

/** Limits per family, from the Bedrock model parameter pages (see each body file for the page). */
export const EMBEDDING_FAMILY_SPECS: Readonly<Record<EmbeddingModelFamily, EmbeddingFamilySpec>> = {
  'titan-v1': { maxTextsPerRequest: 1, maxCharsPerText: 50_000, fixedDimensions: 1536, dimensionOptions: undefined, defaultDimensions: undefined, truncates: false },
  'titan-v2': { maxTextsPerRequest: 1, maxCharsPerText: 50_000, fixedDimensions: undefined, dimensionOptions: [256, 512, 1024], defaultDimensions: 1024, truncates: false },
  'cohere-v3': { maxTextsPerRequest: 96, maxCharsPerText: 2_048, fixedDimensions: 1024, dimensionOptions: undefined, defaultDimensions: undefined, truncates: true },
  'cohere-v4': { maxTextsPerRequest: 96, maxCharsPerText: Infinity, fixedDimensions: undefined, dimensionOptions: [256, 512, 1024, 1536], defaultDimensions: 1536, truncates: true },
  'titan-multimodal': { maxTextsPerRequest: 1, maxCharsPerText: Infinity, fixedDimensions: undefined, dimensionOptions: [256, 384, 1024], defaultDimensions: 1024, truncates: false },
  'nova-multimodal': { maxTextsPerRequest: 1, maxCharsPerText: 8_192, fixedDimensions: undefined, dimensionOptions: [256, 384, 1024, 3072], defaultDimensions: 3072, truncates: true },
};

/** The four model ids of Langflow's `AWS_EMBEDDING_MODEL_IDS` (shared with `@bedrock-flow/component`). */
export { AWS_EMBEDDING_MODEL_IDS } from '@bedrock-flow/component';

/** Model id kinds whose id does not name an embedding model (the family must be given). */
const OPAQUE_KINDS: ReadonlySet<ModelIdKind> = new Set<ModelIdKind>(['application-inference-profile', 'provisioned-model', 'custom-model']);

const FAMILY_PATTERNS: ReadonlyArray<[RegExp, EmbeddingModelFamily]> = [
  [/^amazon\.titan-embed-(text-v1|g1-text-02)(:.*)?$/, 'titan-v1'],
  [/^amazon\.titan-embed-text-v2(:.*)?$/, 'titan-v2'],
  [/^cohere\.embed-(english|multilingual)-v3(:.*)?$/, 'cohere-v3'],
  [/^cohere\.embed-v4(:.*)?$/, 'cohere-v4'],
  [/^amazon\.titan-embed-image-v1(:.*)?$/, 'titan-multimodal'],
  [/^amazon\.nova-2-multimodal-embeddings-v1(:.*)?$/, 'nova-multimodal'],
];

const ALLOWED_MODELS =
  'amazon.titan-embed-text-v1, amazon.titan-embed-text-v2:0, cohere.embed-english-v3, cohere.embed-multilingual-v3, ' +
  'cohere.embed-v4:0, amazon.titan-embed-image-v1, amazon.nova-2-multimodal-embeddings-v1:0, ' +
  'with an optional cross-region prefix (us., eu., apac., …) or as a foundation-model / inference-profile ARN; ' +
  'for provisioned, custom or application-profile ARNs set modelFamily';

/**
 * The foundation model id inside a model id (component's `parseModelId`): strips an ARN down to its resource id and
 * a cross-region prefix (`us.`, `eu.`, `global.`…). Returns `undefined` for opaque ARNs (provisioned model, custom
 * model, application inference profile).
 */
export function baseEmbeddingModelId(modelId: string): string | undefined {
  const parsed = parseModelId(modelId);
  if (OPAQUE_KINDS.has(parsed.kind)) return undefined;
  // An ARN of a resource type Bedrock does not invoke: no model id in it.
  if (parsed.baseModelId.startsWith('arn:')) return undefined;
  return parsed.baseModelId;
}

/**
 * Resolves the family of an embedding model id (plain, cross-region or ARN). `override` wins when
 * given (needed for opaque ARNs). Throws {@link EmbeddingConfigError} (`ERR_EMBEDDINGS_MODEL_UNSUPPORTED`)
 * for any other model.
 */
export function resolveEmbeddingModelFamily(modelId: unknown, override?: unknown): EmbeddingModelFamily {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new EmbeddingConfigError('model', 'must be a non-empty string', ALLOWED_MODELS);
  }
  if (override !== undefined) {
    if ((EMBEDDING_MODEL_FAMILIES as readonly unknown[]).includes(override)) return override as EmbeddingModelFamily;
    throw new EmbeddingConfigError('modelFamily', `"${String(override)}" is not a known family`, EMBEDDING_MODEL_FAMILIES.join(', '));
  }
  const base = baseEmbeddingModelId(modelId);
  const match = base === undefined ? undefined : FAMILY_PATTERNS.find(([pattern]) => pattern.test(base));
  if (!match) {
    throw new EmbeddingConfigError(
      'model',
      `"${modelId}" is not a supported embedding model`,
      ALLOWED_MODELS,
      { code: 'ERR_EMBEDDINGS_MODEL_UNSUPPORTED' },
    );
  }
  return match[1];
}
