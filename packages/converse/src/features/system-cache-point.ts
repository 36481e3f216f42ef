import { SystemMessage, type BaseMessage } from '@langchain/core/messages';

/** The Converse cache point block, in the form `@langchain/aws` converts from a SystemMessage content block. */
export const CACHE_POINT_BLOCK = { cachePoint: { type: 'default' } } as const;

function hasCachePoint(content: SystemMessage['content']): boolean {
  return Array.isArray(content) && content.some((block) => typeof block === 'object' && block !== null && 'cachePoint' in block);
}

/**
 * `messages` with a cache point after the system prompt: the last SystemMessage gets a trailing
 * `{cachePoint: {type: "default"}}` content block, which `@langchain/aws` (1.4.5, `convertSystemMessageToConverseMessage`)
 * sends as Converse `system: [{text}, {cachePoint}]`. Unchanged when there is no system message or it already has one.
 */
export function withSystemCachePoint(messages: BaseMessage[]): BaseMessage[] {
  let last = -1;
  messages.forEach((message, i) => {
    if (SystemMessage.isInstance(message)) last = i;
  });
  if (last < 0) return messages;
  const system = messages[last] as SystemMessage;
  if (hasCachePoint(system.content)) return messages;
  const text = typeof system.content === 'string' ? [{ type: 'text' as const, text: system.content }] : system.content;
  const cached = new SystemMessage({
    content: [...text, CACHE_POINT_BLOCK] as SystemMessage['content'],
    ...(system.id !== undefined ? { id: system.id } : {}),
    ...(system.name !== undefined ? { name: system.name } : {}),
    additional_kwargs: system.additional_kwargs,
    response_metadata: system.response_metadata,
  });
  return messages.map((message, i) => (i === last ? cached : message));
}
