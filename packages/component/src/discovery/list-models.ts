import { ListFoundationModelsCommand, ListInferenceProfilesCommand, type BedrockClient, type InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import { ConfigValidationError, fingerprintConfig, getDefaultPool, normalizeConfig, type ClientConfig, type ClientLease, type NodeIdentity } from '@bedrock-flow/bedrock-pool';
import { DEFAULT_DISCOVERY_TTL_MS, DiscoveryCache } from './discovery-cache';
import type { ModelCatalog } from './model-catalog';
import { toModelCatalog } from './to-model-catalog';

/** The part of `BedrockPool` discovery uses: control-plane leases. */
export interface DiscoveryPool {
  acquire(identity: NodeIdentity, config: ClientConfig, options: { service: 'bedrock' }): ClientLease<'bedrock'>;
  release(identity: NodeIdentity, options?: { service?: 'bedrock' }): boolean;
}

/** Options of {@link listModels}: the region, endpoint and credentials to ask with (a pool `ClientConfig`), and discovery's own. */
export interface ListModelsOptions extends ClientConfig {
  /** The pool whose control-plane clients ask. Default: the process's default pool (`getDefaultPool()`). */
  pool?: DiscoveryPool;
  /**
   * The node the control-plane lease belongs to (released with the node's other leases). Default: a discovery lease
   * per configuration, released after each listing.
   */
  identity?: NodeIdentity;
  /** How long a catalog is reused for the same credential scope, region and endpoint, in ms. Default `300_000` (5 min); `0` asks every time. */
  ttlMs?: number;
  /** The cache. Default: one per pool. */
  cache?: DiscoveryCache;
}

const cachesByPool = new WeakMap<object, DiscoveryCache>();
const DISCOVERY_GRAPH = 'bedrock-flow:discovery';
const OWN_OPTIONS = new Set(['pool', 'identity', 'ttlMs', 'cache']);

/** The discovery cache of `pool` (one per pool), e.g. to count listings or clear it. */
export function discoveryCacheOf(pool: object): DiscoveryCache {
  let cache = cachesByPool.get(pool);
  if (!cache) {
    cache = new DiscoveryCache();
    cachesByPool.set(pool, cache);
  }
  return cache;
}

/**
 * The foundation models the account sees in `region` (with on-demand and streaming support and modalities) and the
 * inference profiles listed there (system-defined and application) with the models they route to, asked on the
 * pool's control-plane client (`bedrock` service: ListFoundationModels, ListInferenceProfiles). Cached per credential
 * scope (the pool's secret-free id of the credentials), region and endpoint for `ttlMs`: one listing per TTL per scope.
 * The result holds no secret. Throws the pool's errors (bad config, endpoint refused) before any call, and the AWS
 * error (e.g. AccessDeniedException) when Bedrock refuses: callers fall back to a static list and say so.
 */
export async function listModels(options: ListModelsOptions): Promise<ModelCatalog> {
  const ttlMs = options.ttlMs ?? DEFAULT_DISCOVERY_TTL_MS;
  if (typeof ttlMs !== 'number' || !Number.isInteger(ttlMs) || ttlMs < 0) {
    throw new ConfigValidationError('ttlMs', `got ${String(ttlMs)}`, 'a whole number of milliseconds, 0 or more');
  }
  const pool = options.pool ?? (getDefaultPool() as unknown as DiscoveryPool);
  const config = Object.fromEntries(Object.entries(options).filter(([key]) => !OWN_OPTIONS.has(key))) as unknown as ClientConfig;
  // A per-configuration identity (its fingerprint: secrets only as per-process HMACs), so two credentials never move
  // each other's lease.
  const identity = options.identity ?? { graphId: DISCOVERY_GRAPH, nodeId: fingerprintConfig(normalizeConfig(config, {}, process.env, 'bedrock')) };
  const lease = pool.acquire(identity, config, { service: 'bedrock' });
  const cache = options.cache ?? discoveryCacheOf(pool);
  const key = JSON.stringify([lease.credentialScope ?? lease.fingerprint, config.region, config.endpoint ?? null]);
  try {
    return await cache.get(key, ttlMs, () => listNow(lease.client, config.region));
  } finally {
    if (!options.identity) pool.release(identity, { service: 'bedrock' });
  }
}

async function listNow(client: BedrockClient, region: string): Promise<ModelCatalog> {
  const fetchedAt = new Date();
  const [models, profiles] = await Promise.all([client.send(new ListFoundationModelsCommand({})), listAllProfiles(client)]);
  return toModelCatalog(region, fetchedAt, models.modelSummaries ?? [], profiles);
}

/** Every page of ListInferenceProfiles (system-defined and application). */
async function listAllProfiles(client: BedrockClient): Promise<InferenceProfileSummary[]> {
  const profiles: InferenceProfileSummary[] = [];
  let nextToken: string | undefined;
  // Bounded: a misbehaving endpoint that always answers a token must not loop for ever.
  for (let page = 0; page < 100; page += 1) {
    const answer = await client.send(new ListInferenceProfilesCommand({ maxResults: 1000, ...(nextToken ? { nextToken } : {}) }));
    profiles.push(...(answer.inferenceProfileSummaries ?? []));
    nextToken = answer.nextToken;
    if (!nextToken) break;
  }
  return profiles;
}
