import type { AIMessage, AIMessageChunk } from '@langchain/core/messages';
import type { ComponentContext } from '@bedrock-flow/component';
import { buildChatModel } from './build-chat-model';
import { buildMessages } from './build-messages';
import type { ConverseValues } from './converse-inputs';
import { toConverseApiError } from './errors/to-converse-api-error';
import type { TextResponse, TextResponseOptions } from './text-response-types';

function combinedSignal(ctx: ComponentContext, options: TextResponseOptions): AbortSignal | undefined {
  const signals = [ctx.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
  return signals.length <= 1 ? signals[0] : AbortSignal.any(signals);
}

/** Text of a message or chunk (string content, or the text blocks of a content array). */
export function textOf(message: AIMessage | AIMessageChunk): string {
  return typeof message.content === 'string' ? message.content : message.text;
}

/**
 * The model response as an async iterator of text tokens, in arrival order; the generator's return value is the
 * {@link TextResponse}. Streams with ConverseStream (one Converse call when `disable_streaming` is on). Validation
 * happens before the first call; errors are `ConverseApiError`s; aborts via `ctx.signal` / `options.signal`.
 */
export async function* textResponseStream(
  ctx: ComponentContext,
  values: ConverseValues,
  options: TextResponseOptions = {},
): AsyncGenerator<string, TextResponse, undefined> {
  const messages = buildMessages(values);
  const model = buildChatModel(ctx, values);
  const signal = combinedSignal(ctx, options);
  let final: AIMessageChunk | undefined;
  try {
    for await (const chunk of await model.stream(messages, signal ? { signal } : {})) {
      final = final === undefined ? chunk : final.concat(chunk);
      const token = textOf(chunk);
      if (token) yield token;
    }
  } catch (error) {
    throw toConverseApiError(error);
  }
  if (final === undefined) throw toConverseApiError(new Error('The stream ended without a message.'));
  return {
    text: textOf(final),
    ...(final.usage_metadata ? { usage: final.usage_metadata } : {}),
    responseMetadata: final.response_metadata,
    message: final,
    streamed: true,
  };
}

/** Invokes once (no stream) and returns the {@link TextResponse}. */
export async function invokeTextResponse(ctx: ComponentContext, values: ConverseValues, options: TextResponseOptions = {}): Promise<TextResponse> {
  const messages = buildMessages(values);
  const model = buildChatModel(ctx, values);
  const signal = combinedSignal(ctx, options);
  try {
    const message = await model.invoke(messages, signal ? { signal } : {});
    return {
      text: textOf(message),
      ...(message.usage_metadata ? { usage: message.usage_metadata } : {}),
      responseMetadata: message.response_metadata,
      message,
      streamed: false,
    };
  } catch (error) {
    throw toConverseApiError(error);
  }
}
