import type { BaseMessage } from '@langchain/core/messages';
import { asArray, asObject, asString, definedFields } from './json-object';
import { tokenUsageOf } from './token-usage';
import { splitSystem } from './message-text';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, TokenUsage } from './provider-adapter';

/** Whether a Cohere model is Command R / R+ (chat body) rather than Command / Command Light (prompt body). */
export function isCommandR(baseModelId: string): boolean {
  return baseModelId.startsWith('cohere.command-r');
}

/** Command (text) prompt: system, then `User:` / `Chatbot:` turns, ending with `Chatbot:`. */
export function cohereCommandPrompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  const lines = turns.map((t) => `${t.role === 'assistant' ? 'Chatbot' : 'User'}: ${t.text}`);
  return [...(system ? [system] : []), ...lines, 'Chatbot:'].join('\n');
}

/** Command R chat fields: the last user turn as `message`, earlier turns as `chat_history`, system as `preamble`. */
export function commandRChat(messages: BaseMessage[]): {
  message: string;
  chat_history: { role: 'USER' | 'CHATBOT'; message: string }[];
  preamble?: string;
} {
  const { system, turns } = splitSystem(messages);
  const last = turns[turns.length - 1];
  const history = last && last.role !== 'assistant' ? turns.slice(0, -1) : turns;
  return definedFields({
    message: last && last.role !== 'assistant' ? last.text : '',
    chat_history: history.map((t) => ({ role: t.role === 'assistant' ? 'CHATBOT' : 'USER', message: t.text })),
    preamble: system,
  }) as ReturnType<typeof commandRChat>;
}

/** Token counts from Command R `meta.billed_units`, when the body has them. */
function billedUnits(body: unknown): TokenUsage | undefined {
  return tokenUsageOf(asObject(asObject(body).meta).billed_units, 'input_tokens', 'output_tokens');
}

/** Cohere Command (prompt) and Command R / R+ (message + chat_history + preamble). */
export const cohereAdapter: ProviderAdapter = {
  family: 'cohere',
  description: 'Cohere Command (cohere.command-text/light, prompt) and Command R/R+ (chat)',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('cohere.command'),

  buildBody({ messages, params, baseModelId }: BodyRequest) {
    const sampling = {
      max_tokens: params.maxTokens,
      temperature: params.temperature,
      p: params.topP,
      k: params.topK,
      stop_sequences: params.stop?.length ? params.stop : undefined,
    };
    if (isCommandR(baseModelId)) return definedFields({ ...commandRChat(messages), ...sampling });
    return definedFields({ prompt: cohereCommandPrompt(messages), ...sampling });
  },

  parseResponse(body: unknown): ParsedResponse {
    const b = asObject(body);
    if (b.generations !== undefined) {
      const gens = asArray(b.generations).map(asObject);
      return {
        text: gens.map((g) => asString(g.text) ?? '').join(''),
        toolCalls: [],
        stopReason: asString(gens[0]?.finish_reason),
        usage: undefined,
      };
    }
    return { text: asString(b.text) ?? '', toolCalls: [], stopReason: asString(b.finish_reason), usage: billedUnits(b) };
  },

  parseStreamChunk(chunk: unknown): StreamDelta {
    const c = asObject(chunk);
    // Command R streams typed events; Command text streams `{text, is_finished}` and a final `finish_reason`.
    if (c.event_type === 'stream-end' || (c.is_finished === true && c.finish_reason !== undefined)) {
      return definedFields({ stopReason: asString(c.finish_reason), usage: billedUnits(c.response) }) as StreamDelta;
    }
    if (c.event_type !== undefined && c.event_type !== 'text-generation') return {};
    const gens = asArray(c.generations).map(asObject);
    const text = asString(c.text) ?? gens.map((g) => asString(g.text) ?? '').join('');
    return definedFields({ text, stopReason: asString(c.finish_reason ?? gens[0]?.finish_reason) }) as StreamDelta;
  },
};
