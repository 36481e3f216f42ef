import { HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { base64Of, mediaBlocksOf } from './media-blocks';
import { contentText } from './message-text';
import { asNumber, asObject, asString, definedFields } from './json-object';
import { cumulativeStreamUsage, tokenUsage } from './token-usage';
import { splitSystem } from './message-text';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, StreamState } from './provider-adapter';

/** Llama 2 chat template: `<s>[INST] <<SYS>>…<</SYS>> user [/INST] assistant </s>`. */
export function llama2Prompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  let prompt = '';
  let pendingSystem = system ? `<<SYS>>\n${system}\n<</SYS>>\n\n` : '';
  for (const turn of turns) {
    if (turn.role === 'assistant') prompt += ` ${turn.text} </s>`;
    else {
      prompt += `<s>[INST] ${pendingSystem}${turn.text} [/INST]`;
      pendingSystem = '';
    }
  }
  return prompt;
}

/** Llama 3 chat template: header-delimited turns, ending with an open assistant header. */
export function llama3Prompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  const turn = (role: string, text: string) => `<|start_header_id|>${role}<|end_header_id|>\n\n${text}<|eot_id|>`;
  let prompt = '<|begin_of_text|>';
  if (system) prompt += turn('system', system);
  for (const t of turns) prompt += turn(t.role === 'assistant' ? 'assistant' : 'user', t.text);
  return `${prompt}<|start_header_id|>assistant<|end_header_id|>\n\n`;
}

/**
 * Llama 4 chat template (Meta's Llama 4 model card, "Prompt format"): turns delimited by
 * `<|header_start|>role<|header_end|>\n\n…<|eot|>`, ending with an open assistant header.
 */
export function llama4Prompt(messages: BaseMessage[]): string {
  const { system, turns } = splitSystem(messages);
  const turn = (role: string, text: string) => `<|header_start|>${role}<|header_end|>\n\n${text}<|eot|>`;
  let prompt = '<|begin_of_text|>';
  if (system) prompt += turn('system', system);
  for (const t of turns) prompt += turn(t.role === 'assistant' ? 'assistant' : 'user', t.text);
  return `${prompt}<|header_start|>assistant<|header_end|>\n\n`;
}

/** Whether a Meta model id is a Llama 4 model (Scout, Maverick: the `header_start` template). */
export function isLlama4(baseModelId: string): boolean {
  return baseModelId.startsWith('meta.llama4');
}

/** The chat template of a Meta model id: Llama 2, Llama 4, else Llama 3 (3, 3.1, 3.2, 3.3). */
export function llamaPrompt(baseModelId: string, messages: BaseMessage[]): string {
  if (isLlama2(baseModelId)) return llama2Prompt(messages);
  return isLlama4(baseModelId) ? llama4Prompt(messages) : llama3Prompt(messages);
}

/** Whether a Meta model id is a Llama 2 model (older template). */
export function isLlama2(baseModelId: string): boolean {
  return baseModelId.startsWith('meta.llama2');
}

/**
 * Images for the vision models (Llama 3.2 11B/90B Vision, Llama 4): a `<|image|>` tag per image at the start of its
 * user turn, and the images in base64 in the body's `images` list, in order. AWS, "Meta Llama models"
 * (model-parameters-meta), Llama 3.2 multimodal request: `{ prompt: "…<|image|>…", images: [base64] }`.
 */
function withImageTags(messages: BaseMessage[]): { prompted: BaseMessage[]; images: string[] } {
  const images: string[] = [];
  const prompted = messages.map((message) => {
    const media = mediaBlocksOf(message).filter((m) => m.kind === 'image');
    if (media.length === 0) return message;
    images.push(...media.map((m) => base64Of(m.bytes)));
    return new HumanMessage('<|image|>'.repeat(media.length) + contentText(message.content));
  });
  return { prompted, images };
}

/**
 * Meta Llama 2, 3, 3.1, 3.2, 3.3, 4: `prompt` in the model's chat template, `generation` back.
 * Body shape source: AWS, "Meta Llama models" (Bedrock user guide, model-parameters-meta), which lists Llama 3 to
 * Llama 4 Instruct with one body `{prompt, temperature, top_p, max_gen_len}` ->
 * `{generation, prompt_token_count, generation_token_count, stop_reason}`.
 */
export const metaLlamaAdapter: ProviderAdapter = {
  family: 'meta-llama',
  description: 'Meta Llama (meta.llama*), Llama 2, Llama 3 and Llama 4 chat templates',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('meta.llama'),

  buildBody({ messages, params, baseModelId }: BodyRequest) {
    const { prompted, images } = withImageTags(messages);
    return definedFields({
      prompt: llamaPrompt(baseModelId, prompted),
      images: images.length > 0 ? images : undefined,
      max_gen_len: params.maxTokens,
      temperature: params.temperature,
      top_p: params.topP,
    });
  },

  parseResponse(body: unknown): ParsedResponse {
    const b = asObject(body);
    const input = asNumber(b.prompt_token_count);
    const output = asNumber(b.generation_token_count);
    return {
      text: asString(b.generation) ?? '',
      toolCalls: [],
      stopReason: asString(b.stop_reason),
      usage: tokenUsage(input, output),
    };
  },

  parseStreamChunk(chunk: unknown, state: StreamState): StreamDelta {
    const c = asObject(chunk);
    const stopReason = asString(c.stop_reason);
    // The prompt count comes on the first chunk, the generation count is cumulative: report both once, at the stop.
    return definedFields({
      text: asString(c.generation),
      stopReason,
      usage: cumulativeStreamUsage(state, c.prompt_token_count, c.generation_token_count, stopReason),
    }) as StreamDelta;
  },
};
