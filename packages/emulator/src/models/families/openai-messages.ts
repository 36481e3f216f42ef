import { validationError } from '../../errors/bedrock-error';
import type { ChatRequest } from '../chat-request';
import { lastUserText } from '../converse/parse-converse-request';
import { asObject, required } from '../validate-fields';
import { checkImageUrlParts } from './family-images';

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

/** Options of {@link parseOpenAiMessages}. */
export interface OpenAiMessagesOptions {
  /** Accept the `developer` role (OpenAI Chat Completions models), read as system text. Default `false`. */
  developerRole?: boolean;
  /** Check and record `image_url` parts of user messages (Pixtral). Default `false` (they are ignored). */
  images?: boolean;
}

/**
 * OpenAI-style `messages` (`role` system|user|assistant|tool, and developer where allowed; `content` string or text
 * parts): system text and turns.
 */
export function parseOpenAiMessages(value: unknown, options: OpenAiMessagesOptions = {}): Pick<ChatRequest, 'system' | 'messages' | 'lastUserText'> {
  const raw = required(value, 'messages');
  if (!Array.isArray(raw) || raw.length === 0) throw validationError('messages: at least one message is required');
  const roles = options.developerRole ? ['system', 'developer', 'user', 'assistant', 'tool'] : ['system', 'user', 'assistant', 'tool'];
  const system: string[] = [];
  const messages: ChatRequest['messages'] = [];
  raw.forEach((m, i) => {
    const msg = asObject(m, `messages.${i}`);
    const role = msg['role'];
    if (typeof role !== 'string' || !roles.includes(role)) {
      throw validationError(`messages.${i}.role: must be one of ${roles.join(', ')}; got ${JSON.stringify(role ?? null)}`);
    }
    const text = contentText(msg['content']);
    const media = options.images && role === 'user' ? checkImageUrlParts(msg['content'], `messages.${i}`) : [];
    if (role === 'system' || role === 'developer') system.push(text);
    else messages.push({ role: role === 'tool' ? 'user' : (role as string), text, ...(media.length > 0 ? { media } : {}) });
  });
  return { system: system.join('\n'), messages, lastUserText: lastUserText(messages) };
}
