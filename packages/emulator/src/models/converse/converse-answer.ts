import type { ChatRequest, GeneratedReply } from '../chat-request';
import type { ConverseFeatures } from './converse-features';
import { applyConverseGuardrail } from './converse-guardrail';
import { guardrailTrace } from './guardrail-trace';
import { promptCache } from './prompt-cache';

/** Converse `usage`, with the cache counts when the request had cache points. */
export interface ConverseUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  cacheDetails?: Array<{ ttl: string; inputTokens: number }>;
}

/** Everything a Converse / ConverseStream answer carries besides the content: reply, usage, trace, performance. */
export interface ConverseAnswer {
  reply: GeneratedReply;
  usage: ConverseUsage;
  trace?: { guardrail: Record<string, unknown> };
  performanceConfig?: { latency: string };
}

/**
 * Applies the request's features to the generated reply: the guardrail (input and output, stop reason
 * `guardrail_intervened`, `trace.guardrail` when trace is `enabled`/`enabled_full`), the prompt cache (cached prefix
 * tokens move from `inputTokens` to `cacheReadInputTokens` / `cacheWriteInputTokens`; `totalTokens` counts all) and
 * the echoed `performanceConfig`.
 */
export function answerConverse(features: ConverseFeatures, request: ChatRequest, generated: GeneratedReply): ConverseAnswer {
  const reply = applyConverseGuardrail(features.guardrail, request, generated);
  const usage: ConverseUsage = { inputTokens: reply.inputTokens, outputTokens: reply.outputTokens, totalTokens: reply.inputTokens + reply.outputTokens };
  if (features.checkpoints.length > 0) {
    const cache = promptCache.settle(features.checkpoints);
    usage.inputTokens = Math.max(0, reply.inputTokens - cache.readTokens - cache.writeTokens);
    usage.cacheReadInputTokens = cache.readTokens;
    usage.cacheWriteInputTokens = cache.writeTokens;
    usage.totalTokens = usage.inputTokens + usage.outputTokens + cache.readTokens + cache.writeTokens;
    if (cache.written.length > 0) usage.cacheDetails = cache.written;
  }
  const answer: ConverseAnswer = { reply, usage };
  const guardrail = features.guardrail;
  if (guardrail && guardrail.trace !== 'disabled') {
    answer.trace = { guardrail: guardrailTrace(guardrail, request.lastUserText, generated.text, reply.stopReason === 'guardrail_intervened') };
  }
  if (features.performanceConfig) answer.performanceConfig = features.performanceConfig;
  return answer;
}
