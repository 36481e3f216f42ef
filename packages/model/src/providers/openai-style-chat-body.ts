import type { BaseMessage } from '@langchain/core/messages';
import { chatCompletionsBody } from './chat-completions';
import type { JsonObject } from './json-object';
import type { InferenceParams } from './provider-adapter';

/**
 * The OpenAI-style chat body Bedrock's AI21 Jamba and Mistral chat models take: `messages` (system first, then
 * user/assistant turns), `max_tokens`, `temperature`, `top_p`, `stop`; unset fields left out. The same body as the
 * Chat Completions families' default dialect.
 */
export function openAiStyleChatBody(messages: BaseMessage[], params: InferenceParams): JsonObject {
  return chatCompletionsBody(messages, params);
}
