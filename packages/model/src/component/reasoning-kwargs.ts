/*
 * Reasoning on InvokeModel, per family: the same plan as the Converse component (`planReasoning`), put where each
 * family's body takes it. Sources (read 2026-12-06):
 * - Claude 3.7 / 4.x: body `thinking: { type: 'enabled', budget_tokens }`, `max_tokens` above the budget; no
 *   temperature other than 1, no top_k, top_p 0.95-1. The reply has `thinking` blocks before the text.
 *   AWS, "Extended thinking": https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * - Nova 2: top-level `reasoningConfig: { type: 'enabled', maxReasoningEffort }` (Invoke puts Nova's own fields at the
 *   top level, Converse in additionalModelRequestFields). AWS, Nova 2 user guide, "Extended thinking":
 *   https://docs.aws.amazon.com/nova/latest/nova2-userguide/extended-thinking.html
 * - gpt-oss: chat-completions `reasoning_effort`; the reply's reasoning is in `<reasoning>` tags before the answer.
 *   AWS, "OpenAI models": https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 * - DeepSeek R1: always reasons (`<think>` … `</think>` before the answer); nothing to send.
 *   AWS, "DeepSeek models": https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html
 */
import { planReasoning, type ReasoningEffort, type ReasoningPlan, type SamplingSetting } from '@bedrock-flow/component';
import { ANTHROPIC_DEFAULT_MAX_TOKENS } from '../providers/anthropic';

/** The values the reasoning plan of AmazonBedrockModel reads. */
export interface ReasoningValues {
  reasoning_effort?: string | undefined;
  reasoning_budget_tokens?: number | undefined;
}

function userSetting(value: unknown): SamplingSetting | undefined {
  return typeof value === 'number' ? { value, userSet: true } : undefined;
}

/**
 * The plan for AmazonBedrockModel: its sampling settings live in `model_kwargs` (every one set by the user, so a
 * conflict is an error naming `model_kwargs.<key>`); Claude's `max_tokens` default (1024, the adapter's) grows by the
 * thinking budget. Throws `ComponentValidationError` before any call.
 */
export function modelReasoningPlan(component: string, modelId: string, values: ReasoningValues, kwargs: Record<string, unknown>): ReasoningPlan {
  const inference = (kwargs['inferenceConfig'] ?? {}) as Record<string, unknown>;
  const maxTokens = userSetting(kwargs['max_tokens'] ?? inference['maxTokens']);
  return planReasoning({
    component,
    modelId,
    effort: values.reasoning_effort as ReasoningEffort | undefined,
    budgetTokens: values.reasoning_budget_tokens,
    ...optional('temperature', userSetting(kwargs['temperature'] ?? inference['temperature'])),
    ...optional('topP', userSetting(kwargs['top_p'] ?? inference['topP'])),
    ...optional('topK', userSetting(kwargs['top_k'] ?? inference['topK'])),
    maxTokens: maxTokens ?? { value: ANTHROPIC_DEFAULT_MAX_TOKENS, userSet: false },
    names: { temperature: 'model_kwargs.temperature', topP: 'model_kwargs.top_p', topK: 'model_kwargs.top_k', maxTokens: 'model_kwargs.max_tokens' },
  });
}

function optional<K extends string>(key: K, setting: SamplingSetting | undefined): Partial<Record<K, SamplingSetting>> {
  return setting ? ({ [key]: setting } as Record<K, SamplingSetting>) : {};
}

/** The body fields a plan adds (merged under the user's own `model_kwargs`, which win). */
export function reasoningKwargs(plan: ReasoningPlan): Record<string, unknown> {
  if (!plan.enabled) return {};
  switch (plan.family) {
    case 'anthropic-thinking':
      return { thinking: { type: 'enabled', budget_tokens: plan.budgetTokens }, ...(plan.maxTokens !== undefined ? { max_tokens: plan.maxTokens } : {}) };
    case 'nova-2':
      return { reasoningConfig: { type: 'enabled', maxReasoningEffort: plan.effort } };
    case 'gpt-oss':
      return { reasoning_effort: plan.effort };
    default:
      return {};
  }
}
