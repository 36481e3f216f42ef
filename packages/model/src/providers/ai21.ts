import type { BaseMessage } from '@langchain/core/messages';
import { asArray, asObject, asString, definedFields } from './json-object';
import { splitSystem } from './message-text';
import { openAiStyleChatBody } from './openai-style-chat-body';
import { tokenUsageOf } from './token-usage';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, TokenUsage } from './provider-adapter';

/** Whether an AI21 model is Jurassic-2 (completion body) rather than Jamba (chat body). */
export function isJurassic2(baseModelId: string): boolean {
  return baseModelId.startsWith('ai21.j2');
}

/** Jurassic-2 prompt: system, then `User:` / `Assistant:` turns, ending with `Assistant:`. */
export function jurassicPrompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  const lines = turns.map((t) => `${t.role === 'assistant' ? 'Assistant' : 'User'}: ${t.text}`);
  return [...(system ? [system] : []), ...lines, 'Assistant:'].join('\n');
}

function openAiUsage(value: unknown): TokenUsage | undefined {
  return tokenUsageOf(value, 'prompt_tokens', 'completion_tokens');
}

/** AI21 Labs: Jamba (OpenAI-like chat) and Jurassic-2 (completion `{prompt, maxTokens}`, no streaming). */
export const ai21Adapter: ProviderAdapter = {
  family: 'ai21',
  description: 'AI21 Labs Jamba (ai21.jamba-*, chat) and Jurassic-2 (ai21.j2-*, completion)',
  supportsTools: false,
  supportsStreaming: (baseModelId) => !isJurassic2(baseModelId),

  matches: (baseModelId) => baseModelId.startsWith('ai21.'),

  buildBody({ messages, params, baseModelId }: BodyRequest) {
    if (isJurassic2(baseModelId)) {
      return definedFields({
        prompt: jurassicPrompt(messages),
        maxTokens: params.maxTokens,
        temperature: params.temperature,
        topP: params.topP,
        stopSequences: params.stop?.length ? params.stop : undefined,
      });
    }
    return openAiStyleChatBody(messages, params);
  },

  parseResponse(body: unknown): ParsedResponse {
    const b = asObject(body);
    if (b.completions !== undefined) {
      const completions = asArray(b.completions).map(asObject);
      const first = completions[0] ?? {};
      const promptTokens = asArray(asObject(b.prompt).tokens).length;
      const outputTokens = asArray(asObject(first.data).tokens).length;
      return {
        text: asString(asObject(first.data).text) ?? '',
        toolCalls: [],
        stopReason: asString(asObject(first.finishReason).reason),
        usage: promptTokens || outputTokens ? { inputTokens: promptTokens, outputTokens } : undefined,
      };
    }
    const choice = asObject(asArray(b.choices)[0]);
    return {
      text: asString(asObject(choice.message).content) ?? '',
      toolCalls: [],
      stopReason: asString(choice.finish_reason),
      usage: openAiUsage(b.usage),
      id: asString(b.id),
    };
  },

  parseStreamChunk(chunk: unknown): StreamDelta {
    const c = asObject(chunk);
    const choice = asObject(asArray(c.choices)[0]);
    return definedFields({
      text: asString(asObject(choice.delta ?? choice.message).content),
      stopReason: asString(choice.finish_reason),
      usage: openAiUsage(c.usage),
    }) as StreamDelta;
  },
};
