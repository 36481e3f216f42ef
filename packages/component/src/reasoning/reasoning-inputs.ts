import { dropdownInput } from '../inputs/dropdown-input';
import { intInput } from '../inputs/number-inputs';

/** The values of the `reasoning_effort` input; `off` (the default) asks for no reasoning. */
export const REASONING_EFFORTS = ['off', 'low', 'medium', 'high'] as const;

/** One of {@link REASONING_EFFORTS}. */
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/**
 * The two advanced reasoning inputs of the chat components: `reasoning_effort` (off, low, medium, high; default off)
 * and `reasoning_budget_tokens` (integer; default 0 = from the effort; Claude's `thinking.budget_tokens`, at least 1024).
 * How each family gets them: see `planReasoning`.
 */
export function reasoningInputs() {
  return {
    reasoning_effort: dropdownInput({
      displayName: 'Reasoning Effort',
      info: 'Ask the model to reason before it answers (Claude 3.7/4.x extended thinking, Nova 2, gpt-oss; DeepSeek R1 always reasons). The reasoning goes to the response metadata, not to the answer. Off by default.',
      options: REASONING_EFFORTS,
      default: 'off',
      advanced: true,
    }),
    reasoning_budget_tokens: intInput({
      displayName: 'Reasoning Budget Tokens',
      info: "Claude's thinking budget in tokens (at least 1024, below Max Tokens). 0 = from the effort (low 1024, medium 4096, high 16384).",
      default: 0,
      min: 0,
      advanced: true,
    }),
  };
}
