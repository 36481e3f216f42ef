/** Text containing this marker (case-insensitive) makes every guardrail intervene. */
export const GUARDRAIL_BLOCK_MARKER = 'BLOCKED_TOPIC';
/** What an intervening guardrail outputs. */
export const GUARDRAIL_BLOCKED_MESSAGE = 'Sorry, the model cannot answer this question.';

/** Whether the deterministic guardrail blocks `text`. */
export function guardrailBlocks(text: string): boolean {
  return text.toUpperCase().includes(GUARDRAIL_BLOCK_MARKER);
}

/** Policy units a guardrail charges for `texts`: one per started 1,000 characters of each text, as Bedrock bills. */
export function guardrailUnits(texts: readonly string[]): number {
  return texts.reduce((n, text) => n + Math.max(1, Math.ceil(text.length / 1000)), 0);
}

/** A `GuardrailUsage` in Bedrock's shape (ApplyGuardrail `usage`, Converse trace `invocationMetrics.usage`). */
export function guardrailUsage(units: number): Record<string, number> {
  return {
    topicPolicyUnits: units,
    contentPolicyUnits: units,
    wordPolicyUnits: units,
    sensitiveInformationPolicyUnits: units,
    sensitiveInformationPolicyFreeUnits: 0,
    contextualGroundingPolicyUnits: 0,
  };
}
