/**
 * The text of a value flowing along an edge: a string, a Langflow-style `{ text }` message or a
 * LangChain message with string `content`. Anything else becomes `''`.
 */
export function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const message = value as { text?: unknown; content?: unknown };
    if (typeof message.text === 'string') return message.text;
    if (typeof message.content === 'string') return message.content;
  }
  return '';
}
