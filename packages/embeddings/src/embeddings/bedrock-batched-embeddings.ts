import { setMaxListeners } from 'node:events';
import { InvokeModelCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { PoolRequestOptions } from '@bedrock-flow/bedrock-pool';
import { Embeddings } from '@langchain/core/embeddings';
import { defaultEmbeddingCache } from '../cache/default-embedding-cache';
import type { EmbeddingCache } from '../cache/embedding-cache';
import { zeroCounters, type EmbeddingCacheCounters, type EmbeddingCacheMetricsSnapshot } from '../cache/embedding-cache-metrics';
import { EmbeddingConfigError } from '../errors/embedding-config-error';
import { EmbeddingRequestError } from '../errors/embedding-request-error';
import { EmbeddingResponseError } from '../errors/embedding-response-error';
import type { CohereInputType, CohereTruncate } from './cohere-body';
import { ConcurrencyLimiter } from './concurrency-limiter';
import {
  EMBEDDING_FAMILY_SPECS,
  resolveEmbeddingModelFamily,
  type EmbeddingModelFamily,
} from './embedding-model-family';
import { buildFamilyBody, parseFamilyResponse } from './family-request-body';
import { planEmbeddingRequests, type EmbeddingRequestPlan } from './plan-embedding-requests';
import { prepareTexts } from './prepare-texts';
import { checkInteger, resolveFamilyOptions } from './resolve-family-options';

/** Default model, as `BedrockEmbeddings` and Langflow's component. */
export const DEFAULT_EMBEDDING_MODEL_ID = 'amazon.titan-embed-text-v1';
/** Default bound on concurrent InvokeModel requests per instance: well under the pool's 50 sockets. */
export const DEFAULT_EMBEDDING_MAX_CONCURRENCY = 8;
/** Upper bound of `maxConcurrency`: the pool's sockets per client; more would only queue in the agent. */
export const MAX_EMBEDDING_CONCURRENCY = 50;
/** Titan v2 vector sizes. */
export const TITAN_V2_DIMENSIONS = [256, 512, 1024] as const;
/** Every vector size some family accepts (Titan v2, Cohere v4, Titan multimodal, Nova multimodal). */
export const CONFIGURABLE_DIMENSIONS = [256, 384, 512, 1024, 1536, 3072] as const;

/** Constructor fields of {@link BedrockBatchedEmbeddings}. */
export interface BedrockBatchedEmbeddingsFields {
  /** The client to send InvokeModel on, normally a pooled one (`pool.acquire(…).client`). Its retry strategy and timeouts apply to every request. Required. */
  client: BedrockRuntimeClient;
  /** Model id, cross-region profile id (`us.amazon.titan-embed-text-v2:0`) or ARN. Default `amazon.titan-embed-text-v1`. */
  model?: string;
  /** Family of the model, required only for ARNs that do not name it (provisioned, custom, application profile). Default: derived from `model`. */
  modelFamily?: EmbeddingModelFamily;
  /**
   * Vector size, for the families that take one: Titan v2 `dimensions` (256, 512, 1024; default 1024), Cohere v4
   * `output_dimension` (256, 512, 1024, 1536; default 1536), Titan multimodal `outputEmbeddingLength` (256, 384, 1024;
   * default 1024), Nova multimodal `embeddingDimension` (256, 384, 1024, 3072; default 3072). Default: the model's own.
   */
  dimensions?: number;
  /** Titan v2 only: return unit-length vectors. Default `true`. */
  normalize?: boolean;
  /**
   * Cohere v3/v4 and Nova only: `NONE` refuses an over-long text (Bedrock's default), `END`/`START` cut it on that side.
   * Cohere v3 (2,048 characters) and Nova (8,192 characters) are checked and cut here before sending; Cohere v4 counts
   * tokens, so its `truncate` (`RIGHT`/`LEFT` on the wire) is left to the service. Default `NONE`.
   */
  truncate?: CohereTruncate;
  /** Cohere v3/v4 only: texts per request, 1..96. Default 96. */
  batchSize?: number;
  /** Cohere v4 only: `max_tokens`, tokens per text before `truncate` applies, 1..128,000. Default unset (Bedrock's 128,000). */
  maxTokens?: number;
  /** Most InvokeModel requests in flight at once for this instance, 1..50. Default 8. */
  maxConcurrency?: number;
  /** Replace `\n` with a space before embedding, as `BedrockEmbeddings` does (keeps vectors comparable with stores it filled). Default `true`. */
  stripNewLines?: boolean;
  /** Aborts every request of this instance when it fires. Default none. */
  signal?: AbortSignal;
  /** Embedding cache, or `false` for none. Default: the process's shared cache (`defaultEmbeddingCache()`, in memory, 64 MiB). */
  cache?: EmbeddingCache | false;
  /** Credential scope of cache entries, from `cache.scopeFor(…)`. Default: scoped to `client` (entries shared only by instances on this client object). */
  cacheScope?: string;
}

/** What an instance's cache did: its own counters plus the shared store's size; `enabled: false` without a cache. */
export type EmbeddingsCacheStats = (EmbeddingCacheCounters & Pick<EmbeddingCacheMetricsSnapshot, 'store' | 'entries' | 'bytes'> & { enabled: true }) | { enabled: false };

/** Stands for the text(s) in a body when the body becomes the cache's request parameters. */
const TEXT_SLOT = '\u0000text\u0000';

/** Per-call options of {@link BedrockBatchedEmbeddings.embedDocuments} and `embedQuery`. */
export interface EmbedCallOptions {
  /** Aborts this call: queued requests do not start, in-flight ones are cancelled. */
  signal?: AbortSignal;
}

/**
 * LangChain `Embeddings` for Bedrock Titan Text Embeddings v1/v2, Cohere Embed v3/v4, Titan Multimodal
 * Embeddings G1 and Nova Multimodal Embeddings (text input) on a given (pooled) `BedrockRuntimeClient`.
 * Unlike `BedrockEmbeddings` it sends each family its own body (Cohere with `input_type` and up to 96
 * texts per request, Nova with an embedding purpose), bounds concurrent requests, keeps
 * output order, leaves retries to the client's retry strategy, and reports the index of a text
 * that failed.
 *
 * @example
 * const embeddings = new BedrockBatchedEmbeddings({ client, model: 'cohere.embed-english-v3' });
 * const vectors = await embeddings.embedDocuments(['a', 'b']);
 */
export class BedrockBatchedEmbeddings extends Embeddings {
  /** Model id as sent. */
  readonly model: string;
  /** Resolved family of `model`. */
  readonly family: EmbeddingModelFamily;
  /** The client requests go through. */
  readonly client: BedrockRuntimeClient;
  /** Vector size returned (Titan v1 1536, Cohere v3 1024, the others `dimensions`). */
  readonly dimensions: number;
  /** Titan v2: unit-length vectors; `undefined` for other families. */
  readonly normalize: boolean | undefined;
  /** Cohere and Nova: truncate mode; `undefined` for other families. */
  readonly truncate: CohereTruncate | undefined;
  /** Texts per request (Cohere `batchSize`, the others 1). */
  readonly batchSize: number;
  /** Cohere v4: `max_tokens`; `undefined` when unset or for other families. */
  readonly maxTokens: number | undefined;
  /** Most requests in flight at once. */
  readonly maxConcurrency: number;
  /** Whether `\n` is replaced with a space. */
  readonly stripNewLines: boolean;
  readonly #limiter: ConcurrencyLimiter;
  readonly #signal: AbortSignal | undefined;
  readonly #cache: EmbeddingCache | undefined;
  readonly #cacheScope: string | undefined;
  readonly #cacheCounters = zeroCounters();
  readonly #requestParameters = new Map<CohereInputType, string>();

  constructor(fields: BedrockBatchedEmbeddingsFields) {
    // Retries belong to the client's retry strategy: the AsyncCaller of the base class must not add a loop.
    const maxConcurrency = checkInteger('maxConcurrency', fields?.maxConcurrency ?? DEFAULT_EMBEDDING_MAX_CONCURRENCY, 1, MAX_EMBEDDING_CONCURRENCY);
    super({ maxRetries: 0, maxConcurrency });
    const client = fields?.client as unknown;
    if (typeof client !== 'object' || client === null || typeof (client as { send?: unknown }).send !== 'function') {
      throw new EmbeddingConfigError('client', 'is missing or has no send()', 'a BedrockRuntimeClient');
    }
    this.client = fields.client;
    this.model = fields.model ?? DEFAULT_EMBEDDING_MODEL_ID;
    this.family = resolveEmbeddingModelFamily(this.model, fields.modelFamily);
    const options = resolveFamilyOptions(this.family, {
      model: this.model,
      dimensions: fields.dimensions,
      normalize: fields.normalize,
      truncate: fields.truncate,
      batchSize: fields.batchSize,
      maxTokens: fields.maxTokens,
    });
    this.dimensions = options.dimensions;
    this.normalize = options.normalize;
    this.truncate = options.truncate;
    this.batchSize = options.batchSize;
    this.maxTokens = options.maxTokens;

    this.maxConcurrency = maxConcurrency;
    if (fields.stripNewLines !== undefined && typeof fields.stripNewLines !== 'boolean') {
      throw new EmbeddingConfigError('stripNewLines', `${JSON.stringify(fields.stripNewLines)} is not a boolean`, 'true or false');
    }
    this.stripNewLines = fields.stripNewLines ?? true;
    this.#signal = fields.signal;
    this.#limiter = new ConcurrencyLimiter(this.maxConcurrency);
    this.#cache = fields.cache === false ? undefined : (fields.cache ?? defaultEmbeddingCache());
    this.#cacheScope = this.#cache ? (fields.cacheScope ?? this.#cache.scopeFor({ client: this.client })) : undefined;
  }

  /** This instance's cache figures (hits, misses, single-flight joins, requests saved, store errors) and the shared store's size. */
  cacheStats(): EmbeddingsCacheStats {
    if (!this.#cache) return { enabled: false };
    const { store, entries, bytes } = this.#cache.metrics();
    return { enabled: true, ...this.#cacheCounters, store, entries, bytes };
  }

  /**
   * Embeds documents (Cohere `input_type` `search_document`). `[]` resolves to `[]` without a
   * request. Every text is checked before the first request; requests then run at most
   * `maxConcurrency` at once and the vectors come back in input order. On the first request that
   * still fails after the client's retries, the others are cancelled and the call rejects with an
   * {@link EmbeddingRequestError} carrying the failing index.
   */
  override async embedDocuments(documents: string[], options?: EmbedCallOptions): Promise<number[][]> {
    if (!Array.isArray(documents)) {
      throw new EmbeddingConfigError('documents', 'is not an array', 'an array of strings');
    }
    return this.#embed(documents, 'search_document', options?.signal);
  }

  /** Embeds one query (Cohere `input_type` `search_query`); the same checks as `embedDocuments`. */
  override async embedQuery(document: string, options?: EmbedCallOptions): Promise<number[]> {
    const [vector] = await this.#embed([document], 'search_query', options?.signal);
    return vector as number[];
  }

  /** No secrets here, but keep logs short and stable: the model and limits, never the client. */
  toJSON(): Record<string, unknown> {
    return {
      name: 'BedrockBatchedEmbeddings',
      model: this.model,
      family: this.family,
      dimensions: this.dimensions,
      normalize: this.normalize,
      truncate: this.truncate,
      batchSize: this.batchSize,
      maxTokens: this.maxTokens,
      maxConcurrency: this.maxConcurrency,
      cache: this.#cache ? this.#cache.store.kind : false,
    };
  }

  async #embed(texts: readonly unknown[], inputType: CohereInputType, callSignal?: AbortSignal): Promise<number[][]> {
    const prepared = prepareTexts(texts, {
      maxChars: EMBEDDING_FAMILY_SPECS[this.family].maxCharsPerText,
      stripNewLines: this.stripNewLines,
      truncate: this.truncate,
    });
    if (prepared.length === 0) return [];
    const outer = [this.#signal, callSignal].filter((s): s is AbortSignal => s !== undefined);
    for (const signal of outer) signal.throwIfAborted();
    // The cache hook: a text becomes a request only if no vector for it is stored or in flight.
    if (this.#cache) {
      return this.#cache.embed({
        scope: this.#cacheScope as string,
        model: this.model,
        parameters: this.#parametersOf(inputType),
        texts: prepared,
        requestsFor: (count) => Math.ceil(count / this.batchSize),
        fetch: (indexes) => this.#sendAll(indexes.map((i) => prepared[i] as string), inputType, outer, indexes),
        counters: this.#cacheCounters,
      });
    }
    return this.#sendAll(prepared, inputType, outer);
  }

  /** The request body without its text(s): what, besides model and text, decides the vector. */
  #parametersOf(inputType: CohereInputType): string {
    let parameters = this.#requestParameters.get(inputType);
    if (parameters === undefined) {
      parameters = buildFamilyBody(this, [TEXT_SLOT], inputType).split(JSON.stringify(TEXT_SLOT)).join('<text>');
      this.#requestParameters.set(inputType, parameters);
    }
    return parameters;
  }

  /** Sends `texts` in planned requests; `indexes[i]` is the caller's index of `texts[i]` (default `i`), for errors. */
  async #sendAll(texts: readonly string[], inputType: CohereInputType, outer: AbortSignal[], indexes?: readonly number[]): Promise<number[][]> {
    // Fail fast: the first failure cancels queued and in-flight requests of this call only.
    const failFast = new AbortController();
    const signal = AbortSignal.any([...outer, failFast.signal]);
    // Every queued request and every SDK call listens on this call-local signal: not a leak.
    setMaxListeners(0, signal);
    const vectors: number[][] = new Array(texts.length);
    let firstError: unknown;
    const plans = planEmbeddingRequests(texts, this.batchSize, indexes);
    try {
      await Promise.all(
        plans.map((plan) =>
          this.#limiter
            .run(() => this.#send(plan, inputType, signal), signal)
            .then(
              (batch) => {
                batch.forEach((vector, offset) => (vectors[plan.start + offset] = vector));
              },
              (error: unknown) => {
                if (firstError === undefined && !failFast.signal.aborted) {
                  firstError = error;
                  failFast.abort(error);
                }
                throw error;
              },
            ),
        ),
      );
    } catch (error) {
      const aborted = outer.find((s) => s.aborted);
      if (aborted) throw aborted.reason;
      throw firstError ?? error;
    }
    return vectors;
  }

  async #send(plan: EmbeddingRequestPlan, inputType: CohereInputType, signal: AbortSignal): Promise<number[][]> {
    const body = buildFamilyBody(this, plan.texts, inputType);
    const command = new InvokeModelCommand({ modelId: this.model, body, contentType: 'application/json', accept: 'application/json' });
    let response;
    try {
      // An embedding, whatever its model id says (an application inference profile ARN does not): its own wait, retried.
      const options: PoolRequestOptions = { abortSignal: signal, operationKind: 'embedding' };
      response = await this.client.send(command, options);
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw new EmbeddingRequestError({ modelId: this.model, indexes: plan.indexes, cause });
    }
    const requestId = response.$metadata?.requestId;
    const invalid = (problem: string): EmbeddingResponseError =>
      new EmbeddingResponseError(this.model, plan.indexes, problem, requestId);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(response.body));
    } catch {
      throw invalid('body is not JSON');
    }
    const parsed = parseFamilyResponse(this.family, json, plan.texts.length);
    if (typeof parsed === 'string') throw invalid(parsed);
    const wrongSize = parsed.findIndex((vector) => vector.length !== this.dimensions);
    if (wrongSize >= 0) {
      throw invalid(`vector of texts[${plan.indexes[wrongSize]}] has ${parsed[wrongSize]?.length} dimensions, expected ${this.dimensions}`);
    }
    return parsed;
  }
}
