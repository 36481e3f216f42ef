/**
 * The emulator's tokenizer: one token per started group of 4 characters (`ceil(chars / 4)`),
 * counted on JavaScript string length. Deterministic and easy to predict, not a real BPE.
 */
export const CHARS_PER_TOKEN = 4;

/** Tokens in `text`: `ceil(text.length / 4)`; `0` for the empty string. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** The longest prefix of `text` that fits in `maxTokens` tokens. */
export function truncateToTokens(text: string, maxTokens: number): string {
  return text.slice(0, Math.max(0, maxTokens) * CHARS_PER_TOKEN);
}
