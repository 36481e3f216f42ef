import { ComponentValidationError, toClientConfig, type ComponentContext } from '@bedrock-flow/component';
import { defaultEmbeddingCache } from '../cache/default-embedding-cache';
import { BedrockBatchedEmbeddings } from '../embeddings/bedrock-batched-embeddings';
import { EmbeddingsInitializationError } from '../errors/embeddings-initialization-error';
import { COMPONENT_NAME } from './component-name';
import { embeddingsFields } from './embeddings-fields';
import type { EmbeddingsValues } from './embeddings-inputs';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `build_embeddings`: a {@link BedrockBatchedEmbeddings} on this node's pooled client
 * (`pool.acquire({ graphId, nodeId }, config).client`). Every input is checked before the lease and
 * before any request. Cheap and idempotent: the same inputs lease the same warm client. The
 * context's `signal` aborts the embeddings' requests. With `cache_embeddings` (default on) it uses the
 * process's shared embedding cache, scoped to the node's credentials and endpoint.
 * Throws `ComponentValidationError` (bad model, region, endpoint, half a key pair) or
 * {@link EmbeddingsInitializationError}.
 */
export function buildEmbeddings(ctx: ComponentContext, values: EmbeddingsValues): BedrockBatchedEmbeddings {
  const fields = embeddingsFields(values);
  const config = toClientConfig(values, ctx, { component: COMPONENT_NAME });
  try {
    const lease = ctx.pool.acquire({ graphId: ctx.graphId, nodeId: ctx.nodeId }, config);
    const cache = values.cache_embeddings === false ? false : defaultEmbeddingCache();
    // Entries never cross credentials: the pool's credential scope (or, for Redis, an HMAC with the cache secret).
    const cacheScope = cache
      ? cache.scopeFor({ credentialScope: lease.credentialScope, credentials: config.credentials ?? { kind: 'default' }, endpoint: config.endpoint, client: lease.client })
      : undefined;
    return new BedrockBatchedEmbeddings({
      ...fields,
      client: lease.client,
      cache,
      ...(cacheScope === undefined ? {} : { cacheScope }),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (error) {
    if (error instanceof ComponentValidationError) throw error;
    throw new EmbeddingsInitializationError(reasonOf(error), error);
  }
}
