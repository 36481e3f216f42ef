/*
 * Body shape sources: AWS, "Amazon Nova" user guide, "Using the Invoke API" (complete request schema, messages-v1)
 * for Nova Micro/Lite/Pro/Premier and Nova 2 (`amazon.nova-2-lite-v1:0`): `{schemaVersion: "messages-v1", system,
 * messages, inferenceConfig{maxTokens, temperature, topP, topK, stopSequences}}` -> `{output{message{content}},
 * stopReason, usage}`; Nova 2 reasoning comes back as `reasoningContent{reasoningText{text}}` content blocks.
 * Streams Converse-like events (`contentBlockDelta`, `messageStop`, `metadata`). Canvas, Reel, Sonic and the
 * multimodal embeddings are not chat models on InvokeModel and are not matched.
 */
import type { BaseMessage } from '@langchain/core/messages';
import { asArray, asObject, asString, definedFields, type JsonObject } from './json-object';
import { tokenUsageOf } from './token-usage';
import { contentText, messageRole } from './message-text';
import { base64Of, mediaBlocksOf } from './media-blocks';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, TokenUsage } from './provider-adapter';

/**
 * LangChain messages as Nova `system` + `messages` (same-role turns merged, as Converse requires). A message's files
 * (the component's image / document blocks) follow its text as Nova `image` / `document` blocks, bytes in base64 as
 * the Invoke API carries them (AWS, Nova 2 user guide, "Core inference": the two APIs differ only in how bytes are
 * encoded).
 */
export function toNovaMessages(messages: BaseMessage[]): { system?: JsonObject[]; messages: JsonObject[] } {
  const system: string[] = [];
  const out: { role: 'user' | 'assistant'; content: JsonObject[] }[] = [];
  for (const message of messages) {
    const kind = messageRole(message);
    if (kind === 'system') {
      system.push(contentText(message.content));
      continue;
    }
    const role = kind === 'assistant' ? 'assistant' : 'user';
    const blocks: JsonObject[] = [{ text: contentText(message.content) }];
    for (const media of mediaBlocksOf(message)) {
      const source = { bytes: base64Of(media.bytes) };
      blocks.push(media.kind === 'image' ? { image: { format: media.format, source } } : { document: { format: media.format, name: media.name, source } });
    }
    const last = out[out.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  }
  return system.length ? { system: [{ text: system.join('\n\n') }], messages: out } : { messages: out };
}

function usageOf(value: unknown): TokenUsage | undefined {
  return tokenUsageOf(value, 'inputTokens', 'outputTokens');
}

/** Nova model ids that are not text chat models (image, video, speech-to-speech, embeddings). */
const NON_CHAT_NOVA = /^amazon\.nova-(?:canvas|reel|sonic|2-sonic|2-multimodal-embeddings|multimodal-embeddings)/;

/** Whether a base id is a Nova text chat model (Micro, Lite, Pro, Premier, Nova 2 Lite/Pro, …). */
export function isNovaChatModel(baseModelId: string): boolean {
  return baseModelId.startsWith('amazon.nova-') && !NON_CHAT_NOVA.test(baseModelId);
}

/** Text and reasoning of Nova content blocks (`{text}` and `{reasoningContent{reasoningText{text}}}`). */
function blocksText(blocks: unknown): { text: string; reasoning: string } {
  let text = '';
  let reasoning = '';
  for (const raw of asArray(blocks)) {
    const block = asObject(raw);
    text += asString(block.text) ?? '';
    reasoning += asString(asObject(asObject(block.reasoningContent).reasoningText).text) ?? '';
  }
  return { text, reasoning };
}

/** Amazon Nova (Micro, Lite, Pro, Premier, Nova 2): the `messages-v1` schema, Converse-like reply. */
export const novaAdapter: ProviderAdapter = {
  family: 'amazon-nova',
  description: 'Amazon Nova and Nova 2 text models (amazon.nova-*), messages-v1 schema',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: isNovaChatModel,

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
    const { text, reasoning } = blocksText(message.content);
    return {
      text,
      toolCalls: [],
      stopReason: asString(b.stopReason),
      usage: usageOf(b.usage),
      ...(reasoning ? { reasoning } : {}),
    };
  },

  parseStreamChunk(chunk: unknown): StreamDelta {
    const c = asObject(chunk);
    if (c.contentBlockDelta) {
      const delta = asObject(asObject(c.contentBlockDelta).delta);
      const reasoning = asString(asObject(delta.reasoningContent).text);
      return definedFields({ text: asString(delta.text), reasoning }) as StreamDelta;
    }
    if (c.messageStop) return { stopReason: asString(asObject(c.messageStop).stopReason) };
    if (c.metadata) return definedFields({ usage: usageOf(asObject(c.metadata).usage) }) as StreamDelta;
    return {};
  },
};
