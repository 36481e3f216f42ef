import type { BaseMessage, MessageContent } from '@langchain/core/messages';

/** The text of a message content: the string itself, or its text blocks joined in order. */
export function contentText(content: MessageContent): string {
  if (typeof content === 'string') return content;
  let text = '';
  for (const block of content as unknown[]) {
    if (typeof block === 'string') text += block;
    else if (block && typeof block === 'object' && (block as { type?: unknown }).type === 'text') {
      const t = (block as { text?: unknown }).text;
      if (typeof t === 'string') text += t;
    }
  }
  return text;
}

/** Chat roles the prompt templates know; LangChain `ChatMessage` roles map onto them. */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** The role of a LangChain message in provider vocabulary (`human` -> `user`, `ai` -> `assistant`). */
export function messageRole(message: BaseMessage): ChatRole {
  const type = message.type;
  if (type === 'system') return 'system';
  if (type === 'ai') return 'assistant';
  if (type === 'tool' || type === 'function') return 'tool';
  if (type === 'generic') {
    const role = String((message as unknown as { role?: unknown }).role ?? '').toLowerCase();
    if (role === 'system') return 'system';
    if (role === 'assistant' || role === 'ai' || role === 'bot' || role === 'chatbot') return 'assistant';
  }
  return 'user';
}

/** A message reduced to role and text, the input of every prompt template. */
export interface RoleText {
  role: ChatRole;
  text: string;
}

/** Messages as role + text; tool results are kept as user turns (prompt models have no tool role). */
export function toRoleTexts(messages: BaseMessage[]): RoleText[] {
  return messages.map((m) => {
    const role = messageRole(m);
    return { role: role === 'tool' ? 'user' : role, text: contentText(m.content) };
  });
}

/** System texts joined by blank lines, and the other turns in order. */
export function splitSystem(messages: BaseMessage[]): { system: string | undefined; turns: RoleText[] } {
  const all = toRoleTexts(messages);
  const system = all.filter((m) => m.role === 'system').map((m) => m.text);
  return {
    system: system.length ? system.join('\n\n') : undefined,
    turns: all.filter((m) => m.role !== 'system'),
  };
}
