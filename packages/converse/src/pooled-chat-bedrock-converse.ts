import type { BaseMessage } from '@langchain/core/messages';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { ChatGenerationChunk, ChatResult } from '@langchain/core/outputs';
import { ChatBedrockConverse, type ChatBedrockConverseInput } from '@langchain/aws';
import { toConverseApiError } from './errors/to-converse-api-error';
import { addStreamRequestIdMiddleware } from './stream-request-id-middleware';

/**
 * `ChatBedrockConverse` on a pooled client whose call errors carry Langflow's `Converse API error:` prefix, the AWS
 * error name and the request id (see `ConverseApiError`), also for errors raised inside a ConverseStream. Everything
 * else (invoke, stream, batch, bindTools, withStructuredOutput, abort signals) is the stock class.
 */
export class PooledChatBedrockConverse extends ChatBedrockConverse {
  constructor(fields: ChatBedrockConverseInput) {
    super(fields);
    // @langchain/core 1.4 declares `disableStreaming` but never reads it from the constructor fields: set it here.
    if (fields.disableStreaming) this.disableStreaming = true;
    // In-stream errors have no `$metadata`: the middleware gives them the stream response's request id.
    addStreamRequestIdMiddleware(this.client);
  }

  override async _generate(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    try {
      return await super._generate(messages, options, runManager);
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
      yield* super._streamResponseChunks(messages, options, runManager);
    } catch (error) {
      throw toConverseApiError(error);
    }
  }
}
