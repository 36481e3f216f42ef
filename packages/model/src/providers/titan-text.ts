import type { BaseMessage } from '@langchain/core/messages';
import { asArray, asNumber, asObject, asString, definedFields } from './json-object';
import { cumulativeStreamUsage } from './token-usage';
import { splitSystem } from './message-text';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, StreamState } from './provider-adapter';

/** Titan's conversational prompt: system text, then `User:` / `Bot:` turns, ending with `Bot:` for the reply. */
export function titanPrompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  const lines = turns.map((t) => `${t.role === 'assistant' ? 'Bot' : 'User'}: ${t.text}`);
  return [...(system ? [system] : []), ...lines, 'Bot:'].join('\n\n');
}

/** Amazon Titan Text (Express, Lite, Premier): `inputText` + `textGenerationConfig`. */
export const titanTextAdapter: ProviderAdapter = {
  family: 'amazon-titan-text',
  description: 'Amazon Titan Text (amazon.titan-text-*), inputText prompt',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('amazon.titan-text') || baseModelId.startsWith('amazon.titan-tg1'),

  buildBody({ messages, params }: BodyRequest) {
    return {
      inputText: titanPrompt(messages),
      textGenerationConfig: definedFields({
        maxTokenCount: params.maxTokens,
        temperature: params.temperature,
        topP: params.topP,
        stopSequences: params.stop?.length ? params.stop : undefined,
      }),
    };
  },

  parseResponse(body: unknown): ParsedResponse {
    const b = asObject(body);
    const results = asArray(b.results).map(asObject);
    const input = asNumber(b.inputTextTokenCount);
    const output = results.reduce((n, r) => n + (asNumber(r.tokenCount) ?? 0), 0);
    return {
      text: results.map((r) => asString(r.outputText) ?? '').join(''),
      toolCalls: [],
      stopReason: asString(results[0]?.completionReason),
      usage: input === undefined && results.length === 0 ? undefined : { inputTokens: input ?? 0, outputTokens: output },
    };
  },

  parseStreamChunk(chunk: unknown, state: StreamState): StreamDelta {
    const c = asObject(chunk);
    // The input count may come only on the first chunk; the output total on the last.
    const stopReason = asString(c.completionReason);
    return definedFields({
      text: asString(c.outputText),
      stopReason,
      usage: cumulativeStreamUsage(state, c.inputTextTokenCount, c.totalOutputTextTokenCount, stopReason),
    }) as StreamDelta;
  },
};
