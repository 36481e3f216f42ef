/*
 * The reasoning request fields of Converse and what Bedrock says when they fight the sampling settings. Sources (read
 * 2026-12-06): AWS "Extended thinking" (Claude: `thinking {type: enabled, budget_tokens >= 1024 and < max_tokens}`,
 * not compatible with temperature / top_p / top_k changes), AWS "Extended thinking in Amazon Nova 2"
 * (`reasoningConfig {type, maxReasoningEffort}`), AWS "OpenAI models" (gpt-oss `reasoning_effort`), AWS "DeepSeek
 * models" (R1 always reasons). The messages are Anthropic's validation messages as Bedrock relays them.
 */
import { validationError } from '../../errors/bedrock-error';
import type { ModelFamily } from '../model-family';

/** Whether a call reasons, and at what effort (for the reply). */
export interface ReasoningRequest {
  enabled: boolean;
  effort?: string;
}

const EFFORTS = ['low', 'medium', 'high'];
const DOC = 'Please consult our documentation at https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking';

/**
 * Reads and checks the reasoning fields of a Converse body (in `additionalModelRequestFields`) or of a family's
 * InvokeModel body (top level): Claude `thinking`, Nova 2 `reasoningConfig`, gpt-oss `reasoning_effort`; DeepSeek R1
 * and gpt-oss always reason. `sampling` holds what the request set (Converse: inferenceConfig + top_k).
 */
export function parseReasoning(
  family: ModelFamily | undefined,
  modelId: string,
  fields: Record<string, unknown>,
  sampling: { maxTokens?: number | undefined; temperature?: unknown; topP?: unknown; topK?: unknown },
): ReasoningRequest {
  if (family === 'deepseek-r1') return { enabled: true };
  if (family === 'openai-gpt-oss') {
    const effort = fields['reasoning_effort'];
    if (effort !== undefined && !EFFORTS.includes(String(effort))) {
      throw validationError(`reasoning_effort: Input should be 'low', 'medium' or 'high'`);
    }
    return { enabled: true, effort: effort === undefined ? 'medium' : String(effort) };
  }
  const thinking = fields['thinking'] as Record<string, unknown> | undefined;
  if (family === 'anthropic' && thinking !== undefined && thinking['type'] === 'enabled') {
    const budget = thinking['budget_tokens'];
    if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1024) {
      throw validationError('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
    }
    if (sampling.maxTokens !== undefined && sampling.maxTokens <= budget) {
      throw validationError(`\`max_tokens\` must be greater than \`thinking.budget_tokens\`. ${DOC}#max-tokens-and-context-window-size`);
    }
    if (sampling.temperature !== undefined && sampling.temperature !== 1) {
      throw validationError(`\`temperature\` may only be set to 1 when thinking is enabled. ${DOC}#feature-compatibility`);
    }
    if (sampling.topK !== undefined) throw validationError(`\`top_k\` must be unset when thinking is enabled. ${DOC}#feature-compatibility`);
    if (sampling.topP !== undefined && (typeof sampling.topP !== 'number' || sampling.topP < 0.95)) {
      throw validationError(`\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. ${DOC}#feature-compatibility`);
    }
    return { enabled: true };
  }
  const config = fields['reasoningConfig'] as Record<string, unknown> | undefined;
  if (config !== undefined && config['type'] === 'enabled') {
    if (family !== 'amazon-nova' || !/amazon\.nova-2-/.test(modelId)) {
      throw validationError('The model returned the following errors: reasoningConfig is not supported by this model.');
    }
    const effort = String(config['maxReasoningEffort'] ?? 'low');
    if (!EFFORTS.includes(effort)) throw validationError(`reasoningConfig.maxReasoningEffort: must be one of [low, medium, high]`);
    if (effort === 'high' && [sampling.temperature, sampling.topP, sampling.topK, sampling.maxTokens].some((v) => v !== undefined)) {
      throw validationError('With reasoningConfig.maxReasoningEffort high, inferenceConfig temperature, topP, topK and maxTokens must not be set.');
    }
    return { enabled: true, effort };
  }
  return { enabled: false };
}
