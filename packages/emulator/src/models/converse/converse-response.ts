import { createHash } from 'node:crypto';
import type { GeneratedReply } from '../chat-request';

/** A deterministic stand-in for the signature Bedrock puts on reasoning text (so it can be sent back unchanged). */
export function reasoningSignature(reasoning: string): string {
  return createHash('sha256').update(`reasoning\0${reasoning}`).digest('base64');
}
import type { ConverseAnswer } from './converse-answer';

/** Converse content blocks of a reply: a reasoningContent block (when it reasoned), a text block (when there is text) then a toolUse block. */
export function converseContent(reply: GeneratedReply): unknown[] {
  const content: unknown[] = [];
  if (reply.reasoning) content.push({ reasoningContent: { reasoningText: { text: reply.reasoning, signature: reasoningSignature(reply.reasoning) } } });
  if (reply.text) content.push({ text: reply.text });
  if (reply.toolUse) content.push({ toolUse: { toolUseId: reply.toolUse.toolUseId, name: reply.toolUse.name, input: reply.toolUse.input } });
  if (content.length === 0) content.push({ text: '' });
  return content;
}

/** The plain Converse usage block of a reply (no cache counts): also used by the Nova InvokeModel family. */
export function converseUsage(reply: GeneratedReply): { inputTokens: number; outputTokens: number; totalTokens: number } {
  return { inputTokens: reply.inputTokens, outputTokens: reply.outputTokens, totalTokens: reply.inputTokens + reply.outputTokens };
}

/** The trace and performance members an answer adds, when it has them. */
function answerExtras(answer: ConverseAnswer): Record<string, unknown> {
  return {
    ...(answer.trace ? { trace: answer.trace } : {}),
    ...(answer.performanceConfig ? { performanceConfig: answer.performanceConfig } : {}),
  };
}

/** A Converse response body: output, stop reason, usage (cache counts included), metrics, trace, performanceConfig. */
export function converseResponse(answer: ConverseAnswer, latencyMs: number): unknown {
  return {
    output: { message: { role: 'assistant', content: converseContent(answer.reply) } },
    stopReason: answer.reply.stopReason,
    usage: answer.usage,
    metrics: { latencyMs: Math.round(latencyMs) },
    ...answerExtras(answer),
  };
}

/** The ConverseStream `metadata` event: usage, metrics, and the trace and performanceConfig when present. */
export function converseStreamMetadata(answer: ConverseAnswer, latencyMs: number): unknown {
  return { usage: answer.usage, metrics: { latencyMs: Math.round(latencyMs) }, ...answerExtras(answer) };
}
