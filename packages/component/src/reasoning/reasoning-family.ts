import { parseModelId } from '../aws/parse-model-id';

/**
 * The reasoning dialects Bedrock documents, one per family:
 * - `anthropic-thinking`: Claude 3.7 Sonnet and Claude 4.x, `thinking: { type: 'enabled', budget_tokens }`
 *   (AWS, "Extended thinking", https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html);
 * - `nova-2`: Amazon Nova 2, `reasoningConfig: { type: 'enabled', maxReasoningEffort }`
 *   (AWS, "Extended thinking in Amazon Nova 2", https://docs.aws.amazon.com/nova/latest/nova2-userguide/extended-thinking.html);
 * - `gpt-oss`: OpenAI gpt-oss, the chat-completions `reasoning_effort`
 *   (AWS, "OpenAI models", https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html);
 * - `deepseek-r1`: DeepSeek R1, which always reasons and takes no reasoning field
 *   (AWS, "DeepSeek models", https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html).
 */
export type ReasoningFamily = 'anthropic-thinking' | 'nova-2' | 'gpt-oss' | 'deepseek-r1';

/** The models each family covers, in words, for error messages. */
export const REASONING_MODELS = 'Claude 3.7 Sonnet and Claude 4.x (anthropic.claude-3-7-*, *-sonnet-4*, *-opus-4*, *-haiku-4*), Amazon Nova 2 (amazon.nova-2-*), OpenAI gpt-oss (openai.gpt-oss-*), DeepSeek R1 (deepseek.r1-*)';

const CLAUDE_THINKING = /^anthropic\.claude-(3-7-|(sonnet|opus|haiku)-4|4)/;

/** The reasoning family of a model id (geo prefixes and ARNs read by `parseModelId`), or `undefined`. */
export function reasoningFamilyOf(modelId: string): ReasoningFamily | undefined {
  const base = parseModelId(modelId).baseModelId.toLowerCase();
  if (CLAUDE_THINKING.test(base)) return 'anthropic-thinking';
  if (base.startsWith('amazon.nova-2-')) return 'nova-2';
  if (base.startsWith('openai.gpt-oss-')) return 'gpt-oss';
  if (base.startsWith('deepseek.r1')) return 'deepseek-r1';
  return undefined;
}
