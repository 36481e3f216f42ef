/** Text containing this marker (case-insensitive) makes every guardrail intervene. */
export const GUARDRAIL_BLOCK_MARKER = 'BLOCKED_TOPIC';
/** What an intervening guardrail outputs. */
export const GUARDRAIL_BLOCKED_MESSAGE = 'Sorry, the model cannot answer this question.';

/** Whether the deterministic guardrail blocks `text`. */
export function guardrailBlocks(text: string): boolean {
  return text.toUpperCase().includes(GUARDRAIL_BLOCK_MARKER);
}
