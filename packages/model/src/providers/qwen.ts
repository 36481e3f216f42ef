/*
 * Body shape sources:
 * - AWS Bedrock model cards for Qwen (Qwen3 32B, Qwen3 Coder 30B/480B, Qwen3 235B, Qwen3 Next, Qwen3 VL): served on
 *   bedrock-runtime through Invoke and Converse, and through Chat Completions on bedrock-mantle.
 * - The InvokeModel body is the OpenAI Chat Completions one: `{messages, max_tokens, temperature, top_p, stop}` ->
 *   `{choices[{message{content, reasoning_content?}, finish_reason}], usage{prompt_tokens, completion_tokens}}`
 *   (public sample code calling `qwen.qwen3-coder-30b-a3b-v1:0` with boto3 invoke_model sends `{messages,
 *   max_tokens}` and reads `choices[0].message.content`; AWS documents no Qwen-specific InvokeModel page). Streams
 *   chat.completion.chunk objects (`choices[].delta`).
 */
import { chatCompletionsBody, parseChatCompletion, parseChatCompletionChunk } from './chat-completions';
import type { BodyRequest, ParsedResponse, ProviderAdapter, StreamDelta, StreamState } from './provider-adapter';

/** Qwen3 (dense, MoE, Coder, Next, VL): OpenAI Chat Completions body; `reasoning_content` read when present. */
export const qwenAdapter: ProviderAdapter = {
  family: 'qwen',
  description: 'Qwen (qwen.qwen3-*), Chat Completions body',
  supportsTools: false,
  supportsStreaming: () => true,

  matches: (baseModelId) => baseModelId.startsWith('qwen.'),

  buildBody({ messages, params }: BodyRequest) {
    return chatCompletionsBody(messages, params);
  },

  parseResponse(body: unknown): ParsedResponse {
    return parseChatCompletion(body);
  },

  parseStreamChunk(chunk: unknown, state: StreamState): StreamDelta {
    return parseChatCompletionChunk(chunk, state);
  },
};
