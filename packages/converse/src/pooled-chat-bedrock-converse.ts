import type { BaseMessage } from '@langchain/core/messages';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { ChatGenerationChunk, ChatResult } from '@langchain/core/outputs';
import { ChatBedrockConverse, type ChatBedrockConverseInput } from '@langchain/aws';
import { needsInferenceProfile } from '@bedrock-flow/component';
import { ConverseApiError } from './errors/converse-api-error';
import { toConverseApiError } from './errors/to-converse-api-error';
import { withSystemCachePoint } from './features/system-cache-point';
import { addStreamRequestIdMiddleware } from './stream-request-id-middleware';

/** Constructor fields of {@link PooledChatBedrockConverse}: `ChatBedrockConverse`'s plus `promptCaching`. */
export interface PooledChatBedrockConverseInput extends ChatBedrockConverseInput {
  /** Put a cache point after the system prompt of every call (Converse `system: [{text}, {cachePoint}]`). Default `false`. */
  promptCaching?: boolean;
  /** The inference profile `cross_region_inference` chose (the `model` sent), reported as `responseMetadata.inference_profile`. Default none. */
  inferenceProfile?: string | undefined;
  /** Asked when Bedrock answers that the model needs an inference profile: the profile ids to name in the error. Default none. */
  inferenceProfileHint?: () => Promise<string[] | undefined>;
}

/**
 * `ChatBedrockConverse` on a pooled client whose call errors carry Langflow's `Converse API error:` prefix, the AWS
 * error name and the request id (see `ConverseApiError`), also for errors raised inside a ConverseStream. Two fixes on
 * top of the stock class: a constructor `performanceConfig` reaches the wire (the stock `invocationParams` reads it
 * only from call options), and `promptCaching` adds a cache point after the system prompt. Everything else (invoke,
 * stream, batch, bindTools, withStructuredOutput, abort signals) is the stock class.
 */
export class PooledChatBedrockConverse extends ChatBedrockConverse {
  /** Whether every call gets a cache point after its system prompt. */
  readonly promptCaching: boolean;
  /** The inference profile `cross_region_inference` chose, if any. */
  readonly inferenceProfile: string | undefined;
  readonly #inferenceProfileHint: (() => Promise<string[] | undefined>) | undefined;

  constructor(fields: PooledChatBedrockConverseInput) {
    super(fields);
    // @langchain/core 1.4 declares `disableStreaming` but never reads it from the constructor fields: set it here.
    if (fields.disableStreaming) this.disableStreaming = true;
    this.promptCaching = fields.promptCaching ?? false;
    this.inferenceProfile = fields.inferenceProfile;
    this.#inferenceProfileHint = fields.inferenceProfileHint;
    // In-stream errors have no `$metadata`: the middleware gives them the stream response's request id.
    addStreamRequestIdMiddleware(this.client);
  }

  /** The stock parameters, plus the constructor's `performanceConfig` when the call options have none. */
  override invocationParams(options?: this['ParsedCallOptions']): ReturnType<ChatBedrockConverse['invocationParams']> {
    const params = super.invocationParams(options);
    // @langchain/aws 1.4.5 sets `performanceConfig: options?.performanceConfig` only, dropping the constructor field.
    if (params.performanceConfig === undefined && this.performanceConfig !== undefined) params.performanceConfig = this.performanceConfig;
    return params;
  }

  override async _generate(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    try {
      const result = await super._generate(this.#cached(messages), options, runManager);
      if (this.inferenceProfile) {
        for (const generation of result.generations) {
          const metadata = (generation.message as { response_metadata?: Record<string, unknown> }).response_metadata;
          if (metadata) metadata.inference_profile = this.inferenceProfile;
        }
      }
      return result;
    } catch (error) {
      throw await this.#apiError(error);
    }
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    try {
      for await (const chunk of super._streamResponseChunks(this.#cached(messages), options, runManager)) {
        const metadata = (chunk.message as { response_metadata?: Record<string, unknown> }).response_metadata;
        if (this.inferenceProfile && metadata && Object.keys(metadata).length > 0) metadata.inference_profile = this.inferenceProfile;
        yield chunk;
      }
    } catch (error) {
      throw await this.#apiError(error);
    }
  }

  override _streamChatModelEvents(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): ReturnType<ChatBedrockConverse['_streamChatModelEvents']> {
    return super._streamChatModelEvents(this.#cached(messages), options, runManager);
  }

  /** The component error; for Bedrock's on-demand error, naming the profiles that serve the model here (issue 25). */
  async #apiError(error: unknown): Promise<unknown> {
    const wrapped = toConverseApiError(error);
    if (!(wrapped instanceof ConverseApiError) || !this.#inferenceProfileHint || !needsInferenceProfile(error)) return wrapped;
    const profiles = await this.#inferenceProfileHint();
    return wrapped.withInferenceProfiles(this.region, profiles);
  }

  #cached(messages: BaseMessage[]): BaseMessage[] {
    return this.promptCaching ? withSystemCachePoint(messages) : messages;
  }
}
