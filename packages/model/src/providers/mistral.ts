/*
 * Body shape sources: AWS, "Mistral AI models" (Bedrock user guide, model-parameters-mistral): text completion
 * `{prompt, max_tokens, temperature, top_p, top_k, stop}` -> `{outputs[{text, stop_reason}]}` for Mistral 7B,
 * Mixtral, Small; chat completion `{messages, max_tokens, temperature, top_p, stop}` ->
 * `{choices[{message, stop_reason}]}` for Mistral Large (2402, 2407) and Pixtral Large (2502); the newer chat models
 * (Magistral, Ministral 3, Devstral 2, Voxtral, Mistral Large 3) take the same chat body.
 */
import type { BaseMessage } from '@langchain/core/messages';
import { asArray, asObject, asString, definedFields } from './json-object';
import { splitSystem } from './message-text';
import { base64Of, mediaBlocksOf } from './media-blocks';
import { openAiStyleChatBody } from './openai-style-chat-body';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta } from './provider-adapter';

/** Mistral instruct template: `<s>[INST] system\n\nuser [/INST] assistant</s>[INST] user [/INST]`. */
export function mistralInstructPrompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  let prompt = '<s>';
  let pendingSystem = system ? `${system}\n\n` : '';
  for (const turn of turns) {
    if (turn.role === 'assistant') prompt += ` ${turn.text}</s>`;
    else {
      prompt += `[INST] ${pendingSystem}${turn.text} [/INST]`;
      pendingSystem = '';
    }
  }
  return prompt;
}

/** Mistral models that take the chat `messages` body rather than an instruct prompt. */
const MISTRAL_CHAT_MODELS = /^mistral\.(?:mistral-large|pixtral|magistral|ministral|devstral|voxtral)/;

/** Whether a Mistral model takes the chat `messages` format (Large, Pixtral, Magistral, …) rather than a prompt. */
export function isMistralChatModel(baseModelId: string): boolean {
  return MISTRAL_CHAT_MODELS.test(baseModelId);
}

/**
 * Pixtral's images: each user message with images gets `content: [{ type: 'text', text }, { type: 'image_url',
 * image_url: { url: 'data:image/png;base64,…' } }]` (the chat body's user messages follow the LangChain human
 * messages in order). AWS, "Mistral AI models" (model-parameters-mistral), Pixtral Large chat request.
 */
function withImageParts(body: Record<string, unknown>, messages: BaseMessage[]): Record<string, unknown> {
  const perHuman = messages.filter((m) => m.type === 'human').map((m) => mediaBlocksOf(m).filter((b) => b.kind === 'image'));
  if (!perHuman.some((images) => images.length > 0)) return body;
  let human = 0;
  const out = (body.messages as Array<Record<string, unknown>>).map((message) => {
    if (message.role !== 'user') return message;
    const images = perHuman[human++] ?? [];
    if (images.length === 0) return message;
    const parts = images.map((image) => ({ type: 'image_url', image_url: { url: `data:image/${image.format};base64,${base64Of(image.bytes)}` } }));
    return { ...message, content: [{ type: 'text', text: String(message.content ?? '') }, ...parts] };
  });
  return { ...body, messages: out };
}

/** First choice/output of a Mistral body: chat `choices[0]` or text `outputs[0]`. */
function firstOutput(body: unknown): { text: string; stopReason: string | undefined } {
  const b = asObject(body);
  const choice = asObject(asArray(b.choices)[0]);
  if (b.choices !== undefined) {
    const message = asObject(choice.message ?? choice.delta);
    return { text: asString(message.content) ?? '', stopReason: asString(choice.stop_reason ?? choice.finish_reason) };
  }
  const outputs = asArray(b.outputs).map(asObject);
  return {
    text: outputs.map((o) => asString(o.text) ?? '').join(''),
    stopReason: asString(outputs[0]?.stop_reason),
  };
}

/** Mistral AI: instruct prompt for 7B/Mixtral/Small, chat `messages` for Mistral Large. */
export const mistralAdapter: ProviderAdapter = {
  family: 'mistral',
  description: 'Mistral AI (mistral.*), instruct prompt; chat messages for Large, Pixtral, Magistral, Ministral, Devstral, Voxtral',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('mistral.'),

  buildBody({ messages, params, baseModelId }: BodyRequest) {
    if (isMistralChatModel(baseModelId)) {
      return withImageParts(openAiStyleChatBody(messages, params), messages);
    }
    return definedFields({
      prompt: mistralInstructPrompt(messages),
      max_tokens: params.maxTokens,
      temperature: params.temperature,
      top_p: params.topP,
      top_k: params.topK,
      stop: params.stop?.length ? params.stop : undefined,
    });
  },

  parseResponse(body: unknown): ParsedResponse {
    const { text, stopReason } = firstOutput(body);
    // Mistral bodies carry no token counts; the chat model falls back to Bedrock's token-count headers.
    return { text, toolCalls: [], stopReason, usage: undefined };
  },

  parseStreamChunk(chunk: unknown): StreamDelta {
    const { text, stopReason } = firstOutput(chunk);
    return definedFields({ text, stopReason }) as StreamDelta;
  },
};
