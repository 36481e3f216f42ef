import { GUARDRAIL_BLOCKED_MESSAGE, guardrailBlocks } from '../guardrail-rule';
import type { ChatRequest, GeneratedReply } from '../chat-request';
import { countTokens } from '../tokenizer';

/**
 * Converse with `guardrailConfig`: when the last user text trips the deterministic guardrail, the
 * reply is the blocked message with stop reason `guardrail_intervened`.
 */
export function applyConverseGuardrail(body: Record<string, unknown>, request: ChatRequest, reply: GeneratedReply): GeneratedReply {
  if (body['guardrailConfig'] === undefined || !guardrailBlocks(request.lastUserText)) return reply;
  return { text: GUARDRAIL_BLOCKED_MESSAGE, stopReason: 'guardrail_intervened', inputTokens: reply.inputTokens, outputTokens: countTokens(GUARDRAIL_BLOCKED_MESSAGE) };
}
