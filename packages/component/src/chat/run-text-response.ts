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

/**
 * The reasoning a message or chunk carries: `additional_kwargs.reasoning_content` (ChatBedrockInvoke, and LangChain's
 * DeepSeek / OpenAI-style models) or `reasoning` content blocks (ChatBedrockConverse: @langchain/aws maps Bedrock's
 * `reasoningContent` blocks and deltas to `{ type: 'reasoning', reasoning }`).
 */
export function reasoningOf(message: AIMessage | AIMessageChunk): string {
  const kwarg = message.additional_kwargs?.['reasoning_content'];
  if (typeof kwarg === 'string') return kwarg;
  if (!Array.isArray(message.content)) return '';
  let reasoning = '';
  for (const block of message.content as unknown[]) {
    const b = block as { type?: unknown; reasoning?: unknown };
    if (b && b.type === 'reasoning' && typeof b.reasoning === 'string') reasoning += b.reasoning;
  }
  return reasoning;
}

function toTextResponse(message: AIMessage | AIMessageChunk, streamed: boolean, streamedReasoning?: string): TextResponse {
  const reasoning = streamedReasoning ?? reasoningOf(message);
  if (reasoning) {
    // As LangChain's reasoning models do, so a downstream LangChain consumer finds it in one place.
    message.additional_kwargs = { ...message.additional_kwargs, reasoning_content: reasoning };
  }
  return {
    text: textOf(message),
    ...(reasoning ? { reasoning } : {}),
    ...(message.usage_metadata ? { usage: message.usage_metadata } : {}),
    responseMetadata: reasoning ? { ...message.response_metadata, reasoning_content: reasoning } : message.response_metadata,
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
  onReasoningToken?: TextResponseOptions['onReasoningToken'],
): AsyncGenerator<string, TextResponse, undefined> {
  let final: AIMessageChunk | undefined;
  let reasoning = '';
  for await (const chunk of await model.stream(messages, callOptions)) {
    final = final === undefined ? chunk : final.concat(chunk);
    // Reasoning and answer stay apart: the reasoning goes to its own callback, never into the answer tokens.
    const thought = reasoningOf(chunk);
    if (thought) {
      reasoning += thought;
      if (onReasoningToken) await onReasoningToken(thought);
    }
    const token = textOf(chunk);
    if (token) yield token;
  }
  if (final === undefined) throw new Error('The stream ended without a message.');
  return toTextResponse(final, true, reasoning || undefined);
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
  return drainTextResponse(streamChatTextResponse(model, messages, callOptions, options.onReasoningToken), options.onToken);
}
