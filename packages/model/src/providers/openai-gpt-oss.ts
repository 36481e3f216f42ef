/*
 * Body shape sources:
 * - AWS, "OpenAI models" (Bedrock user guide, model-parameters-openai): InvokeModel takes the OpenAI "Create chat
 *   completion" body (`messages`, `max_completion_tokens`, `temperature`, `top_p`, `stop`; `model` and `stream` may be
 *   left out and are filled by Bedrock) and answers with the chat completion object; on InvokeModel the reasoning
 *   comes first in the text content, wrapped in `<reasoning>` tags.
 * - Streaming (`InvokeModelWithResponseStream`): chat.completion.chunk objects, `choices[].delta.content`, each
 *   reasoning piece in its own `<reasoning>…</reasoning>` pair (as seen on Bedrock's OpenAI-compatible stream).
 */
import { chatCompletionsBody, parseChatCompletion, parseChatCompletionChunk, type ChatCompletionsDialect } from './chat-completions';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, StreamState } from './provider-adapter';

/** gpt-oss's Chat Completions dialect: `developer` system role, `max_completion_tokens`, `<reasoning>` tags. */
export const GPT_OSS_DIALECT: ChatCompletionsDialect = {
  systemRole: 'developer',
  maxTokensField: 'max_completion_tokens',
  reasoningTags: { open: '<reasoning>', close: '</reasoning>' },
};

/** OpenAI gpt-oss (20B, 120B): OpenAI Chat Completions body; reasoning split out of the content. */
export const openAiGptOssAdapter: ProviderAdapter = {
  family: 'openai',
  description: 'OpenAI gpt-oss (openai.gpt-oss-*), Chat Completions body, <reasoning> split out',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('openai.gpt-oss'),

  buildBody({ messages, params }: BodyRequest) {
    return chatCompletionsBody(messages, params, GPT_OSS_DIALECT);
  },

  parseResponse(body: unknown): ParsedResponse {
    return parseChatCompletion(body, GPT_OSS_DIALECT);
  },

  parseStreamChunk(chunk: unknown, state: StreamState): StreamDelta {
    return parseChatCompletionChunk(chunk, state, GPT_OSS_DIALECT);
  },
};
