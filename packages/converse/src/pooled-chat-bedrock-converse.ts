import type { BaseMessage } from '@langchain/core/messages';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { ChatGenerationChunk, ChatResult } from '@langchain/core/outputs';
import { ChatBedrockConverse, type ChatBedrockConverseInput } from '@langchain/aws';
import { toConverseApiError } from './errors/to-converse-api-error';
import { withSystemCachePoint } from './features/system-cache-point';
import { addStreamRequestIdMiddleware } from './stream-request-id-middleware';

/** Constructor fields of {@link PooledChatBedrockConverse}: `ChatBedrockConverse`'s plus `promptCaching`. */
export interface PooledChatBedrockConverseInput extends ChatBedrockConverseInput {
  /** Put a cache point after the system prompt of every call (Converse `system: [{text}, {cachePoint}]`). Default `false`. */
  promptCaching?: boolean;
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

  constructor(fields: PooledChatBedrockConverseInput) {
    super(fields);
    // @langchain/core 1.4 declares `disableStreaming` but never reads it from the constructor fields: set it here.
    if (fields.disableStreaming) this.disableStreaming = true;
    this.promptCaching = fields.promptCaching ?? false;
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
      return await super._generate(this.#cached(messages), options, runManager);
    } catch (error) {
      throw toConverseApiError(error);
    }
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    try {
      yield* super._streamResponseChunks(this.#cached(messages), options, runManager);
    } catch (error) {
      throw toConverseApiError(error);
    }
  }

  override _streamChatModelEvents(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): ReturnType<ChatBedrockConverse['_streamChatModelEvents']> {
    return super._streamChatModelEvents(this.#cached(messages), options, runManager);
  }

  #cached(messages: BaseMessage[]): BaseMessage[] {
    return this.promptCaching ? withSystemCachePoint(messages) : messages;
  }
}
