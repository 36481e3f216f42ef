export {
  BedrockBatchedEmbeddings,
  DEFAULT_EMBEDDING_MODEL_ID,
  DEFAULT_EMBEDDING_MAX_CONCURRENCY,
  MAX_EMBEDDING_CONCURRENCY,
  TITAN_V2_DIMENSIONS,
  CONFIGURABLE_DIMENSIONS,
  type BedrockBatchedEmbeddingsFields,
  type EmbedCallOptions,
  type EmbeddingsCacheStats,
} from './embeddings/bedrock-batched-embeddings';
export {
  AWS_EMBEDDING_MODEL_IDS,
  EMBEDDING_FAMILY_SPECS,
  EMBEDDING_MODEL_FAMILIES,
  baseEmbeddingModelId,
  resolveEmbeddingModelFamily,
  type EmbeddingFamilySpec,
  type EmbeddingModelFamily,
} from './embeddings/embedding-model-family';
export { buildTitanBody, parseTitanResponse, type TitanBodyOptions } from './embeddings/titan-body';
export { buildCohereBody, parseCohereResponse, type CohereInputType, type CohereTruncate } from './embeddings/cohere-body';
export { buildCohereV4Body, parseCohereV4Response, type CohereV4BodyOptions } from './embeddings/cohere-v4-body';
export { buildTitanMultimodalBody, parseTitanMultimodalResponse } from './embeddings/titan-multimodal-body';
export { buildNovaMultimodalBody, parseNovaMultimodalResponse, NOVA_EMBEDDING_PURPOSES } from './embeddings/nova-multimodal-body';
export { buildFamilyBody, parseFamilyResponse, type FamilyBodyParameters } from './embeddings/family-request-body';
export { resolveFamilyOptions, COHERE_V4_MAX_TOKENS, type FamilyOptions, type FamilyOptionsInput } from './embeddings/resolve-family-options';
export { ConcurrencyLimiter } from './embeddings/concurrency-limiter';
export { planEmbeddingRequests, type EmbeddingRequestPlan } from './embeddings/plan-embedding-requests';
export { prepareTexts, type PrepareTextsOptions } from './embeddings/prepare-texts';
export { EmbeddingConfigError } from './errors/embedding-config-error';
export { EmbeddingInputError, type EmbeddingInputProblem } from './errors/embedding-input-error';
export { EmbeddingRequestError, type EmbeddingRequestErrorDetails } from './errors/embedding-request-error';
export { EmbeddingResponseError } from './errors/embedding-response-error';
export { EmbeddingsInitializationError, EMBEDDINGS_INITIALIZATION_ERROR_PREFIX } from './errors/embeddings-initialization-error';
export { amazonBedrockEmbeddingsDefinition } from './component/definition';
export { COMPONENT_NAME } from './component/component-name';
export { embeddingsInputs, type EmbeddingsValues } from './component/embeddings-inputs';
export { embeddingsFields, type EmbeddingsFields } from './component/embeddings-fields';
export { buildEmbeddings } from './component/build-embeddings';
export { dimensionsInput } from './component/dimensions-input';
export { EmbeddingCache, MIN_CACHE_SECRET_LENGTH, type CachedEmbedRequest, type EmbeddingCacheOptions, type EmbeddingCacheScopeInput } from './cache/embedding-cache';
export { defaultEmbeddingCache, embeddingCacheMetrics, embeddingCacheOptionsFromEnv, setDefaultEmbeddingCache } from './cache/default-embedding-cache';
export { MemoryEmbeddingStore, DEFAULT_EMBEDDING_CACHE_MAX_BYTES, type MemoryEmbeddingStoreOptions } from './cache/memory-embedding-store';
export {
  RedisEmbeddingStore,
  DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  DEFAULT_REDIS_CONNECT_TIMEOUT_MS,
  DEFAULT_REDIS_KEY_PREFIX,
  DEFAULT_REDIS_TTL_SECONDS,
  type EmbeddingCacheLogger,
  type RedisEmbeddingStoreOptions,
} from './cache/redis-embedding-store';
export type { EmbeddingStore, EmbeddingStoreStats } from './cache/embedding-store';
export { embeddingCacheKey, type EmbeddingCacheKeyParts } from './cache/embedding-cache-key';
export { encodeVector, decodeVector } from './cache/vector-codec';
export { crossProcessCredentialScope } from './cache/cross-process-credential-scope';
export {
  EMBEDDING_CACHE_COUNTER_NAMES,
  type EmbeddingCacheCounterName,
  type EmbeddingCacheCounters,
  type EmbeddingCacheMetricsSnapshot,
} from './cache/embedding-cache-metrics';
export { EMBEDDING_CACHE_OTEL_METER_NAME, createOpenTelemetryCacheSink } from './cache/open-telemetry-cache-sink';
export { EmbeddingCacheConfigError } from './errors/embedding-cache-config-error';
