/*
 * Reasoning on Converse, per family (the mapping table is in the package README). Sources (read 2026-12-06):
 * - Claude 3.7 / 4.x: `additionalModelRequestFields.thinking = { type: 'enabled', budget_tokens }`; with thinking on,
 *   temperature 1 or unset, no top_k, top_p 0.95-1, budget_tokens >= 1024 and < maxTokens.
 *   AWS, "Extended thinking": https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * - Nova 2: `additionalModelRequestFields.reasoningConfig = { type: 'enabled', maxReasoningEffort }`.
 *   AWS, "Extended thinking in Amazon Nova 2": https://docs.aws.amazon.com/nova/latest/nova2-userguide/extended-thinking.html
 * - gpt-oss: `additionalModelRequestFields.reasoning_effort` (fields Converse has no place for go there).
 *   AWS, "OpenAI models": https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html
 * - DeepSeek R1: nothing to send, it always reasons; its reasoning comes back as `reasoningContent` blocks.
 *   AWS, "DeepSeek models": https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html
 * Converse returns the reasoning as `reasoningContent { reasoningText { text, signature } }` blocks (ConverseStream:
 * `delta.reasoningContent`), API_runtime_ReasoningContentBlock.
 */
import { isUserSet, planReasoning, type ReasoningEffort, type ReasoningPlan } from '@bedrock-flow/component';
import { COMPONENT_NAME } from '../component-name';
import { converseInputs, type ConverseValues } from '../converse-inputs';
import { VALIDATION_ERROR_PREFIX } from '../errors/error-prefixes';

function setting(values: ConverseValues, name: 'temperature' | 'top_p' | 'top_k' | 'max_tokens') {
  return { value: values[name], userSet: isUserSet(values[name], converseInputs[name].defaultValue) };
}

/**
 * The reasoning plan of a Converse call: `reasoning_effort` / `reasoning_budget_tokens` checked against the model's
 * family and the sampling inputs (a value the user set that the model refuses with reasoning on is a validation
 * error naming both; a default it refuses is left out). Throws before any call.
 */
export function converseReasoningPlan(values: ConverseValues, model: string): ReasoningPlan {
  return planReasoning({
    component: COMPONENT_NAME,
    prefix: VALIDATION_ERROR_PREFIX,
    modelId: model,
    effort: values.reasoning_effort as ReasoningEffort | undefined,
    budgetTokens: values.reasoning_budget_tokens,
    temperature: setting(values, 'temperature'),
    topP: setting(values, 'top_p'),
    topK: setting(values, 'top_k'),
    maxTokens: setting(values, 'max_tokens'),
  });
}

/** The `additionalModelRequestFields` a plan adds (Claude `thinking`, Nova 2 `reasoningConfig`, gpt-oss `reasoning_effort`). */
export function reasoningRequestFields(plan: ReasoningPlan): Record<string, unknown> {
  if (!plan.enabled) return {};
  switch (plan.family) {
    case 'anthropic-thinking':
      return { thinking: { type: 'enabled', budget_tokens: plan.budgetTokens } };
    case 'nova-2':
      return { reasoningConfig: { type: 'enabled', maxReasoningEffort: plan.effort } };
    case 'gpt-oss':
      return { reasoning_effort: plan.effort };
    default:
      return {};
  }
}
