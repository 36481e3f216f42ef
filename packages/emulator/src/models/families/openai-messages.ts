import { validationError } from '../../errors/bedrock-error';
import type { ChatRequest } from '../chat-request';
import { lastUserText } from '../converse/parse-converse-request';
import { asObject, required } from '../validate-fields';

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return (content as Array<Record<string, unknown>>)
      .filter((c) => typeof c?.['text'] === 'string')
      .map((c) => c['text'] as string)
      .join('\n');
  }
  return '';
}

/** OpenAI-style `messages` (`role` system|user|assistant|tool, `content` string or text parts): system text and turns. */
export function parseOpenAiMessages(value: unknown): Pick<ChatRequest, 'system' | 'messages' | 'lastUserText'> {
  const raw = required(value, 'messages');
  if (!Array.isArray(raw) || raw.length === 0) throw validationError('messages: at least one message is required');
  const system: string[] = [];
  const messages: ChatRequest['messages'] = [];
  raw.forEach((m, i) => {
    const msg = asObject(m, `messages.${i}`);
    const role = msg['role'];
    if (role !== 'system' && role !== 'user' && role !== 'assistant' && role !== 'tool') {
      throw validationError(`messages.${i}.role: must be one of system, user, assistant, tool; got ${JSON.stringify(role ?? null)}`);
    }
    const text = contentText(msg['content']);
    if (role === 'system') system.push(text);
    else messages.push({ role: role === 'tool' ? 'user' : role, text });
  });
  return { system: system.join('\n'), messages, lastUserText: lastUserText(messages) };
}
