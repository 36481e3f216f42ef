import type { BaseMessage } from '@langchain/core/messages';
import { asArray, asObject, asString, definedFields, type JsonObject } from './json-object';
import { splitSystem } from './message-text';
import type { InferenceParams, ParsedResponse, StreamDelta, StreamState } from './provider-adapter';
import { ReasoningSplitter, splitReasoning, type ReasoningTags } from './reasoning-tags';
import { tokenUsageOf } from './token-usage';

/** How a family's OpenAI Chat Completions body differs from the common one. */
export interface ChatCompletionsDialect {
  /** Role the system prompt is sent with: `system`, or `developer` (OpenAI gpt-oss). Default `system`. */
  systemRole?: 'system' | 'developer';
  /** Field for the output token limit: `max_tokens`, or `max_completion_tokens` (OpenAI gpt-oss). Default `max_tokens`. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /**
   * Tags the family wraps its reasoning in inside `content` (gpt-oss on InvokeModel: `<reasoning>…</reasoning>`).
   * Reasoning in a `reasoning_content` / `reasoning` field is always read. Default none.
   */
  reasoningTags?: ReasoningTags;
}

/**
 * The OpenAI Chat Completions request body Bedrock's open-weight chat models take on InvokeModel: `messages`
 * (system first, then user/assistant turns), the token limit, `temperature`, `top_p`, `stop`; unset fields left out.
 * `model` and `stream` are left out on purpose: Bedrock fills them from the model id and the operation.
 */
export function chatCompletionsBody(messages: BaseMessage[], params: InferenceParams, dialect: ChatCompletionsDialect = {}): JsonObject {
  const { system, turns } = splitSystem(messages);
  return definedFields({
    messages: [
      ...(system ? [{ role: dialect.systemRole ?? 'system', content: system }] : []),
      ...turns.map((t) => ({ role: t.role === 'assistant' ? 'assistant' : 'user', content: t.text })),
    ],
    [dialect.maxTokensField ?? 'max_tokens']: params.maxTokens,
    temperature: params.temperature,
    top_p: params.topP,
    stop: params.stop?.length ? params.stop : undefined,
  });
}

/** Reasoning a message or delta carries in its own field (`reasoning_content`, or `reasoning` as text). */
function reasoningField(message: JsonObject): string | undefined {
  return asString(message.reasoning_content) ?? asString(message.reasoning);
}

/** Answer and reasoning of a `content` string, split at the dialect's tags when it has any. */
function splitContent(content: string, tags: ReasoningTags | undefined): { text: string; reasoning: string } {
  return tags ? splitReasoning(content, tags) : { text: content, reasoning: '' };
}

/** An InvokeModel Chat Completions response: `choices[0].message`, `finish_reason`, `usage`. */
export function parseChatCompletion(body: unknown, dialect: ChatCompletionsDialect = {}): ParsedResponse {
  const b = asObject(body);
  const choice = asObject(asArray(b.choices)[0]);
  const message = asObject(choice.message);
  const { text, reasoning } = splitContent(asString(message.content) ?? '', dialect.reasoningTags);
  const allReasoning = (reasoningField(message) ?? '') + reasoning;
  const id = asString(b.id);
  return {
    text,
    toolCalls: [],
    stopReason: asString(choice.finish_reason) ?? asString(choice.stop_reason),
    usage: tokenUsageOf(b.usage, 'prompt_tokens', 'completion_tokens'),
    ...(id !== undefined ? { id } : {}),
    ...(allReasoning ? { reasoning: allReasoning } : {}),
  };
}

const SPLITTER_KEY = 'reasoningSplitter';

/**
 * One `InvokeModelWithResponseStream` Chat Completions chunk: `choices[0].delta` (`content`, `reasoning_content`),
 * `finish_reason`, and `usage` when the chunk has it. Tagged reasoning may be cut by chunk boundaries, so the
 * splitter lives in the per-stream `state`; what it holds back comes out with the chunk that has the finish reason.
 */
export function parseChatCompletionChunk(chunk: unknown, state: StreamState, dialect: ChatCompletionsDialect = {}): StreamDelta {
  const c = asObject(chunk);
  const choice = asObject(asArray(c.choices)[0]);
  const delta = asObject(choice.delta ?? choice.message);
  const stopReason = asString(choice.finish_reason) ?? asString(choice.stop_reason);
  let text = asString(delta.content) ?? '';
  let reasoning = reasoningField(delta) ?? '';
  if (dialect.reasoningTags) {
    const splitter = (state[SPLITTER_KEY] ??= new ReasoningSplitter(dialect.reasoningTags)) as ReasoningSplitter;
    const part = splitter.push(text);
    const tail = stopReason !== undefined ? splitter.flush() : { text: '', reasoning: '' };
    text = part.text + tail.text;
    reasoning += part.reasoning + tail.reasoning;
  }
  return definedFields({
    text: text || undefined,
    reasoning: reasoning || undefined,
    stopReason,
    usage: tokenUsageOf(c.usage, 'prompt_tokens', 'completion_tokens'),
  }) as StreamDelta;
}
