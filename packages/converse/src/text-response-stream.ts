import {
  invokeChatTextResponse,
  streamChatTextResponse,
  textResponseCallOptions,
  type ComponentContext,
  type TextResponse,
  type TextResponseOptions,
} from '@bedrock-flow/component';
import { buildChatModel } from './build-chat-model';
import { buildMessages } from './build-messages';
import type { ConverseValues } from './converse-inputs';
import { toConverseApiError } from './errors/to-converse-api-error';

/** Text of a message or chunk (string content, or the text blocks of a content array). */
export { textOf } from '@bedrock-flow/component';

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
  try {
    return yield* streamChatTextResponse(model, messages, textResponseCallOptions(ctx, options));
  } catch (error) {
    throw toConverseApiError(error);
  }
}

/** Invokes once (no stream) and returns the {@link TextResponse}. */
export async function invokeTextResponse(ctx: ComponentContext, values: ConverseValues, options: TextResponseOptions = {}): Promise<TextResponse> {
  const messages = buildMessages(values);
  const model = buildChatModel(ctx, values);
  try {
    return await invokeChatTextResponse(model, messages, textResponseCallOptions(ctx, options));
  } catch (error) {
    throw toConverseApiError(error);
  }
}
