import type { BaseMessage } from '@langchain/core/messages';
import { asArray, asObject, asString, definedFields, type JsonObject } from './json-object';
import { tokenUsageOf } from './token-usage';
import { splitSystem } from './message-text';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, TokenUsage } from './provider-adapter';

/** LangChain messages as Nova `system` + `messages` (same-role turns merged, as Converse requires). */
export function toNovaMessages(messages: BaseMessage[]): { system?: JsonObject[]; messages: JsonObject[] } {
  const { system, turns } = splitSystem(messages);
  const out: { role: 'user' | 'assistant'; content: { text: string }[] }[] = [];
  for (const turn of turns) {
    const role = turn.role === 'assistant' ? 'assistant' : 'user';
    const last = out[out.length - 1];
    if (last && last.role === role) last.content.push({ text: turn.text });
    else out.push({ role, content: [{ text: turn.text }] });
  }
  return system ? { system: [{ text: system }], messages: out } : { messages: out };
}

function usageOf(value: unknown): TokenUsage | undefined {
  return tokenUsageOf(value, 'inputTokens', 'outputTokens');
}

/** Amazon Nova (Micro, Lite, Pro, Premier): the `messages-v1` schema, Converse-like reply. */
export const novaAdapter: ProviderAdapter = {
  family: 'amazon-nova',
  description: 'Amazon Nova (amazon.nova-*), messages-v1 schema',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('amazon.nova'),

  buildBody({ messages, params }: BodyRequest) {
    const { system, messages: turns } = toNovaMessages(messages);
    return definedFields({
      schemaVersion: 'messages-v1',
      system,
      messages: turns,
      inferenceConfig: definedFields({
        maxTokens: params.maxTokens,
        temperature: params.temperature,
        topP: params.topP,
        topK: params.topK,
        stopSequences: params.stop?.length ? params.stop : undefined,
      }),
    });
  },

  parseResponse(body: unknown): ParsedResponse {
    const b = asObject(body);
    const message = asObject(asObject(b.output).message);
    const text = asArray(message.content)
      .map((c) => asString(asObject(c).text) ?? '')
      .join('');
    return { text, toolCalls: [], stopReason: asString(b.stopReason), usage: usageOf(b.usage) };
  },

  parseStreamChunk(chunk: unknown): StreamDelta {
    const c = asObject(chunk);
    if (c.contentBlockDelta) return { text: asString(asObject(asObject(c.contentBlockDelta).delta).text) ?? '' };
    if (c.messageStop) return { stopReason: asString(asObject(c.messageStop).stopReason) };
    if (c.metadata) return definedFields({ usage: usageOf(asObject(c.metadata).usage) }) as StreamDelta;
    return {};
  },
};
