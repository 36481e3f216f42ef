import type { GeneratedReply } from '../chat-request';

/** Converse content blocks of a reply: a text block (when there is text) then a toolUse block. */
export function converseContent(reply: GeneratedReply): unknown[] {
  const content: unknown[] = [];
  if (reply.text) content.push({ text: reply.text });
  if (reply.toolUse) content.push({ toolUse: { toolUseId: reply.toolUse.toolUseId, name: reply.toolUse.name, input: reply.toolUse.input } });
  if (content.length === 0) content.push({ text: '' });
  return content;
}

/** The Converse usage block. */
export function converseUsage(reply: GeneratedReply): { inputTokens: number; outputTokens: number; totalTokens: number } {
  return { inputTokens: reply.inputTokens, outputTokens: reply.outputTokens, totalTokens: reply.inputTokens + reply.outputTokens };
}

/** A Converse response body. */
export function converseResponse(reply: GeneratedReply, latencyMs: number): unknown {
  return {
    output: { message: { role: 'assistant', content: converseContent(reply) } },
    stopReason: reply.stopReason,
    usage: converseUsage(reply),
    metrics: { latencyMs: Math.round(latencyMs) },
  };
}
