import type { BaseMessage } from '@langchain/core/messages';
import { definedFields, type JsonObject } from './json-object';
import { splitSystem } from './message-text';
import type { InferenceParams } from './provider-adapter';

/**
 * The OpenAI-style chat body Bedrock's AI21 Jamba and Mistral chat models take: `messages` (system first, then
 * user/assistant turns), `max_tokens`, `temperature`, `top_p`, `stop`; unset fields left out.
 */
export function openAiStyleChatBody(messages: BaseMessage[], params: InferenceParams): JsonObject {
  const { system, turns } = splitSystem(messages);
  return definedFields({
    messages: [
      ...(system ? [{ role: 'system', content: system }] : []),
      ...turns.map((t) => ({ role: t.role === 'assistant' ? 'assistant' : 'user', content: t.text })),
    ],
    max_tokens: params.maxTokens,
    temperature: params.temperature,
    top_p: params.topP,
    stop: params.stop?.length ? params.stop : undefined,
  });
}
