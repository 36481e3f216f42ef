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
      return openAiStyleChatBody(messages, params);
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
