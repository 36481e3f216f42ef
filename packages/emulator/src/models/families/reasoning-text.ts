import type { ChatRequest } from '../chat-request';

/**
 * The deterministic model's chain of thought, for the families that always reason (OpenAI gpt-oss, DeepSeek R1):
 * a fixed sentence about the last user text, so tests can tell reasoning and answer apart.
 */
export function reasoningText(request: Pick<ChatRequest, 'lastUserText'>): string {
  return `The user wrote "${request.lastUserText}". Reply with an echo.`;
}
