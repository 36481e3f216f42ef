import { validationError } from '../../errors/bedrock-error';
import type { ChatRequest } from '../chat-request';
import type { ModelFamily } from '../model-family';
import { asObject, optionalNumber, optionalStrings, required } from '../validate-fields';
import { checkMessageMedia } from './converse-media';
import { parseReasoning } from './converse-reasoning';

/** Text of Converse content blocks: text blocks and tool results (text or JSON), joined with `\n`. */
export function converseContentText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const block of content) {
    if (!block || typeof block !== 'object') continue;
    const b = block as Record<string, unknown>;
    if (typeof b['text'] === 'string') parts.push(b['text']);
    const toolResult = b['toolResult'] as { content?: unknown } | undefined;
    if (toolResult && Array.isArray(toolResult.content)) {
      for (const c of toolResult.content as Array<Record<string, unknown>>) {
        if (typeof c?.['text'] === 'string') parts.push(c['text']);
        else if (c?.['json'] !== undefined) parts.push(JSON.stringify(c['json']));
      }
    }
  }
  return parts.join('\n');
}

/** Validates Converse `messages` (`role` user|assistant, `content` a list, starting with a user turn). */
export function parseConverseMessages(value: unknown, path = 'messages'): ChatRequest['messages'] {
  const messages = required(value, path);
  if (!Array.isArray(messages) || messages.length === 0) {
    throw validationError(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be a non-empty list`);
  }
  return messages.map((m, i) => {
    const msg = asObject(m, `${path}.${i + 1}.member`);
    const role = msg['role'];
    if (role !== 'user' && role !== 'assistant') {
      throw validationError(`1 validation error detected: Value '${String(role)}' at '${path}.${i + 1}.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]`);
    }
    if (!Array.isArray(msg['content'])) {
      throw validationError(`1 validation error detected: Value null at '${path}.${i + 1}.member.content' failed to satisfy constraint: Member must not be null`);
    }
    if (i === 0 && role !== 'user') throw validationError('A conversation must start with a user message. Try again with a conversation that starts with a user message.');
    const media = checkMessageMedia(msg['content'] as unknown[], role, `${path}.${i + 1}.member`);
    return { role, text: converseContentText(msg['content']), ...(media.length > 0 ? { media } : {}) };
  });
}

/** The last user turn's text. */
export function lastUserText(messages: ChatRequest['messages']): string {
  for (let i = messages.length - 1; i >= 0; i -= 1) if (messages[i]!.role === 'user') return messages[i]!.text;
  return '';
}

function parseToolConfig(value: unknown): Pick<ChatRequest, 'tools' | 'toolChoice'> {
  if (value === undefined || value === null) return { tools: [] };
  const config = asObject(value, 'toolConfig');
  const rawTools = config['tools'];
  if (!Array.isArray(rawTools) || rawTools.length === 0) {
    throw validationError("1 validation error detected: Value at 'toolConfig.tools' failed to satisfy constraint: Member must have length greater than or equal to 1");
  }
  const tools = rawTools.flatMap((t, i) => {
    // A cache point closes the tools before it (see converse-features.ts); it is not a tool.
    if (t !== null && typeof t === 'object' && 'cachePoint' in t) return [];
    const spec = (t as { toolSpec?: { name?: unknown; inputSchema?: { json?: unknown } } })?.toolSpec;
    if (!spec || typeof spec.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
      throw validationError(`1 validation error detected: Value at 'toolConfig.tools.${i + 1}.member.toolSpec.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+`);
    }
    return [{ name: spec.name, inputSchema: spec.inputSchema?.json }];
  });
  const choice = config['toolChoice'] as Record<string, unknown> | undefined;
  let toolChoice: ChatRequest['toolChoice'];
  if (choice?.['any']) toolChoice = { type: 'any' };
  else if (choice?.['tool']) toolChoice = { type: 'tool', name: String((choice['tool'] as { name?: unknown }).name) };
  else if (choice?.['auto']) toolChoice = { type: 'auto' };
  return { tools, ...(toolChoice ? { toolChoice } : {}) };
}

/** Validates and normalizes a Converse / ConverseStream body; `model` lets it check the family's reasoning fields. */
export function parseConverseRequest(body: Record<string, unknown>, model?: { family: ModelFamily | undefined; modelId: string }): ChatRequest {
  const messages = parseConverseMessages(body['messages']);
  const system = Array.isArray(body['system'])
    ? (body['system'] as Array<{ text?: unknown }>).filter((b) => typeof b?.text === 'string').map((b) => b.text as string).join('\n')
    : '';
  const inference = body['inferenceConfig'] === undefined ? {} : asObject(body['inferenceConfig'], 'inferenceConfig');
  const maxTokens = optionalNumber(inference['maxTokens'], 'inferenceConfig.maxTokens', 1, 1_000_000, true);
  const temperature = optionalNumber(inference['temperature'], 'inferenceConfig.temperature', 0, 1);
  const topP = optionalNumber(inference['topP'], 'inferenceConfig.topP', 0, 1);
  const stopSequences = optionalStrings(inference['stopSequences'], 'inferenceConfig.stopSequences');
  const additional = body['additionalModelRequestFields'] === undefined ? {} : asObject(body['additionalModelRequestFields'], 'additionalModelRequestFields');
  const reasoning = model ? parseReasoning(model.family, model.modelId, additional, { maxTokens, temperature, topP, topK: additional['top_k'] }) : undefined;
  return {
    ...(reasoning ? { reasoning } : {}),
    system,
    messages,
    lastUserText: lastUserText(messages),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    stopSequences,
    ...parseToolConfig(body['toolConfig']),
  };
}
