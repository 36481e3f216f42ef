import { GUARDRAIL_BLOCKED_MESSAGE, guardrailBlocks } from '../guardrail-rule';
import type { ChatRequest, GeneratedReply } from '../chat-request';
import { countTokens } from '../tokenizer';
import type { GuardrailSettings } from './converse-features';

/**
 * Converse with `guardrailConfig`: when the last user text (input) or the model's reply (output) trips the
 * deterministic guardrail, the reply is the blocked message with stop reason `guardrail_intervened`.
 */
export function applyConverseGuardrail(guardrail: GuardrailSettings | undefined, request: ChatRequest, reply: GeneratedReply): GeneratedReply {
  if (guardrail === undefined || !(guardrailBlocks(request.lastUserText) || guardrailBlocks(reply.text))) return reply;
  return { text: GUARDRAIL_BLOCKED_MESSAGE, stopReason: 'guardrail_intervened', inputTokens: reply.inputTokens, outputTokens: countTokens(GUARDRAIL_BLOCKED_MESSAGE) };
}
