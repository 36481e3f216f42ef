/*
 * Body shape sources:
 * - AWS, "DeepSeek models" (Bedrock user guide, model-parameters-deepseek): DeepSeek-R1 (`deepseek.r1-v1:0`, served
 *   through cross-region profiles such as `us.deepseek.r1-v1:0`) takes a text completion body
 *   `{prompt, temperature <= 1, top_p <= 1, max_tokens 1..32768, stop (<= 10 items)}` and answers
 *   `{choices[{text, stop_reason: "stop" | "length"}]}`; the guide's sample prompt is
 *   `<｜begin▁of▁sentence｜><｜User｜>{prompt}<｜Assistant｜><think>\n`, so the reply is the reasoning, `</think>`,
 *   then the answer. Stream chunks have the same `choices[{text, stop_reason}]` shape.
 * - DeepSeek V3.x (`deepseek.v3-v1:0`, `deepseek.v3.2-v1:0`): the guide names V3.1 for Invoke and Converse and the
 *   model cards list Invoke and Chat Completions, but no V3 request body is documented as R1's is; V3.x is sent
 *   the OpenAI Chat Completions body (`messages`, `max_tokens`, …), as Bedrock's other open-weight chat models on
 *   Invoke, and `reasoning_content` is read beside `content` when present. The reply body itself says which shape
 *   it is (`choices[{message}]` or R1's `choices[{text}]`); R1 text with no `</think>` (cut by max_tokens while
 *   reasoning) is all reasoning, in invoke and stream alike.
 */
import type { BaseMessage } from '@langchain/core/messages';
import { chatCompletionsBody, parseChatCompletion, parseChatCompletionChunk } from './chat-completions';
import { asArray, asObject, asString, definedFields } from './json-object';
import { splitSystem } from './message-text';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, StreamState } from './provider-adapter';
import { ReasoningSplitter, splitReasoning, type ReasoningTags } from './reasoning-tags';

/** R1's reasoning: the prompt opens `<think>`, the model closes it before the answer. */
export const DEEPSEEK_R1_THINK_TAGS: ReasoningTags = { open: '<think>', close: '</think>', startsInside: true, trimAroundTags: true };

/** Whether a DeepSeek model is R1 (text completion body) rather than V3.x (Chat Completions body). */
export function isDeepSeekR1(baseModelId: string): boolean {
  return baseModelId.startsWith('deepseek.r1');
}

/**
 * DeepSeek-R1 chat template: `<｜begin▁of▁sentence｜>{system}<｜User｜>…<｜Assistant｜>…<｜end▁of▁sentence｜>`,
 * ending with an open assistant turn that starts the reasoning (`<think>\n`).
 */
export function deepSeekR1Prompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  let prompt = `<｜begin▁of▁sentence｜>${system ?? ''}`;
  for (const t of turns) prompt += t.role === 'assistant' ? `<｜Assistant｜>${t.text}<｜end▁of▁sentence｜>` : `<｜User｜>${t.text}`;
  return `${prompt}<｜Assistant｜><think>\n`;
}

function firstChoice(body: unknown): { text: string; stopReason: string | undefined } {
  const choice = asObject(asArray(asObject(body).choices)[0]);
  return { text: asString(choice.text) ?? '', stopReason: asString(choice.stop_reason) ?? asString(choice.finish_reason) };
}

const SPLITTER_KEY = 'r1ThinkSplitter';

/** DeepSeek R1 (prompt body, `</think>` split out) and V3.x (Chat Completions body). */
export const deepSeekAdapter: ProviderAdapter = {
  family: 'deepseek',
  description: 'DeepSeek (deepseek.r1-*, prompt body with <think> split out; deepseek.v3*, Chat Completions body)',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('deepseek.'),

  buildBody({ messages, params, baseModelId }: BodyRequest) {
    if (!isDeepSeekR1(baseModelId)) return chatCompletionsBody(messages, params);
    return definedFields({
      prompt: deepSeekR1Prompt(messages),
      max_tokens: params.maxTokens,
      temperature: params.temperature,
      top_p: params.topP,
      stop: params.stop?.length ? params.stop : undefined,
    });
  },

  parseResponse(body: unknown): ParsedResponse {
    // R1 answers `choices[{text}]`, V3.x `choices[{message}]`: the body says which.
    const choice = asObject(asArray(asObject(body).choices)[0]);
    if (choice.message !== undefined) return parseChatCompletion(body);
    const { text: raw, stopReason } = firstChoice(body);
    const { text, reasoning } = splitReasoning(raw, DEEPSEEK_R1_THINK_TAGS);
    // R1 bodies carry no token counts; the chat model falls back to Bedrock's token-count headers.
    return { text, toolCalls: [], stopReason, usage: undefined, ...(reasoning ? { reasoning } : {}) };
  },

  parseStreamChunk(chunk: unknown, state: StreamState): StreamDelta {
    const choice = asObject(asArray(asObject(chunk).choices)[0]);
    if (choice.delta !== undefined || choice.message !== undefined) return parseChatCompletionChunk(chunk, state);
    const { text: raw, stopReason } = firstChoice(chunk);
    const splitter = (state[SPLITTER_KEY] ??= new ReasoningSplitter(DEEPSEEK_R1_THINK_TAGS)) as ReasoningSplitter;
    const part = splitter.push(raw);
    const tail = stopReason !== undefined ? splitter.flush() : { text: '', reasoning: '' };
    return definedFields({
      text: part.text + tail.text || undefined,
      reasoning: part.reasoning + tail.reasoning || undefined,
      stopReason,
    }) as StreamDelta;
  },
};
