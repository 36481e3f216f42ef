import type { AIMessage, AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import type { ComponentContext } from '../definition/component-context';
import type { TextResponse, TextResponseOptions } from './text-response';

/** Call options a text response passes to the chat model: only the abort signal. */
export interface TextResponseCallOptions {
  signal?: AbortSignal;
}

/** The part of a LangChain chat model a text response uses (any `BaseChatModel` fits). */
export interface TextResponseModel {
  invoke(messages: BaseMessage[], options?: TextResponseCallOptions): Promise<AIMessage | AIMessageChunk>;
  stream(messages: BaseMessage[], options?: TextResponseCallOptions): Promise<AsyncIterable<AIMessageChunk>>;
}

/** The call options for `ctx.signal` and `options.signal` (either aborts the call); `{}` when neither is set. */
export function textResponseCallOptions(ctx: Pick<ComponentContext, 'signal'>, options: TextResponseOptions): TextResponseCallOptions {
  const signals = [ctx.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length <= 1 ? signals[0] : AbortSignal.any(signals);
  return signal ? { signal } : {};
}

/** Text of a message or chunk (string content, or the text blocks of a content array). */
export function textOf(message: AIMessage | AIMessageChunk): string {
  return typeof message.content === 'string' ? message.content : message.text;
}

function toTextResponse(message: AIMessage | AIMessageChunk, streamed: boolean): TextResponse {
  return {
    text: textOf(message),
    ...(message.usage_metadata ? { usage: message.usage_metadata } : {}),
    responseMetadata: message.response_metadata,
    message,
    streamed,
  };
}

/** One `invoke` (no stream), as a {@link TextResponse}. Errors pass through unwrapped: the component wraps them. */
export async function invokeChatTextResponse(model: TextResponseModel, messages: BaseMessage[], callOptions: TextResponseCallOptions): Promise<TextResponse> {
  return toTextResponse(await model.invoke(messages, callOptions), false);
}

/**
 * The model's stream as an async iterator of non-empty text tokens in arrival order; its return value is the
 * {@link TextResponse} of the merged chunks. A stream that ends without a chunk throws. Errors pass through unwrapped.
 */
export async function* streamChatTextResponse(
  model: TextResponseModel,
  messages: BaseMessage[],
  callOptions: TextResponseCallOptions,
): AsyncGenerator<string, TextResponse, undefined> {
  let final: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(messages, callOptions)) {
    final = final === undefined ? chunk : final.concat(chunk);
    const token = textOf(chunk);
    if (token) yield token;
  }
  if (final === undefined) throw new Error('The stream ended without a message.');
  return toTextResponse(final, true);
}

/** Drains a token iterator, giving each token to `onToken` (awaited) in order, and returns its final value. */
export async function drainTextResponse(tokens: AsyncGenerator<string, TextResponse, undefined>, onToken: TextResponseOptions['onToken']): Promise<TextResponse> {
  for (;;) {
    const step = await tokens.next();
    if (step.done) return step.value;
    if (onToken) await onToken(step.value);
  }
}

/**
 * `text_response` of a chat component: streams when `stream` is on (each token to `options.onToken`, in order),
 * else one `invoke`. Errors pass through unwrapped: each component wraps them in its own error class.
 */
export function runTextResponse(
  model: TextResponseModel,
  messages: BaseMessage[],
  stream: boolean | undefined,
  callOptions: TextResponseCallOptions,
  options: TextResponseOptions,
): Promise<TextResponse> {
  if (!stream) return invokeChatTextResponse(model, messages, callOptions);
  return drainTextResponse(streamChatTextResponse(model, messages, callOptions), options.onToken);
}
