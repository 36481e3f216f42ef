import type { ChatRequest } from '../chat-request';
import { promptUserText } from './prompt-user-text';

/** A ChatRequest for a single raw prompt (prompt-style families). */
export function promptChatRequest(prompt: string, maxTokens: number | undefined, stopSequences: string[]): ChatRequest {
  return {
    system: '',
    messages: [{ role: 'user', text: prompt }],
    lastUserText: promptUserText(prompt),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    stopSequences,
    tools: [],
  };
}
