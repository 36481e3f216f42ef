export { ChatBedrockInvoke } from './chat-model/chat-bedrock-invoke';
export type { ChatBedrockInvokeCallOptions, ChatBedrockInvokeFields } from './chat-model/chat-bedrock-invoke';
export { ModelStreamReader, DEFAULT_DRAIN_TIMEOUT_MS } from './chat-model/stream-reader';
export type { ModelStreamReaderOptions } from './chat-model/stream-reader';
export { mergeModelKwargs } from './chat-model/merge-model-kwargs';
export { toToolSpecs, toToolChoiceSpec } from './chat-model/tool-specs';
export { ModelValidationError } from './errors/model-validation-error';
export { ModelResponseError } from './errors/model-response-error';
export { ProviderRegistry, BUILT_IN_ADAPTERS, CONVERSE_SUGGESTION, defaultProviderRegistry } from './providers/registry';
export type { ResolvedModel } from './providers/registry';
export { resolveModelIdentity, CROSS_REGION_PREFIXES } from './providers/model-family';
export type { ModelIdentity } from './providers/model-family';
export type {
  BodyRequest,
  InferenceParams,
  ParsedResponse,
  ProviderAdapter,
  StreamDelta,
  StreamState,
  TokenUsage,
  ToolChoiceSpec,
  ToolSpec,
} from './providers/provider-adapter';
export { anthropicAdapter, toAnthropicMessages } from './providers/anthropic';
export { titanTextAdapter, titanPrompt } from './providers/titan-text';
export { novaAdapter, isNovaChatModel } from './providers/nova';
export { metaLlamaAdapter, llama2Prompt, llama3Prompt, llama4Prompt } from './providers/meta-llama';
export { mistralAdapter, mistralInstructPrompt, isMistralChatModel } from './providers/mistral';
export { cohereAdapter, cohereCommandPrompt, commandRChat } from './providers/cohere';
export { ai21Adapter, jurassicPrompt } from './providers/ai21';
export { deepSeekAdapter, deepSeekR1Prompt, DEEPSEEK_R1_THINK_TAGS } from './providers/deepseek';
export { openAiGptOssAdapter, GPT_OSS_DIALECT } from './providers/openai-gpt-oss';
export { qwenAdapter } from './providers/qwen';
export { chatCompletionsBody, parseChatCompletion, parseChatCompletionChunk } from './providers/chat-completions';
export type { ChatCompletionsDialect } from './providers/chat-completions';
export { ReasoningSplitter, splitReasoning } from './providers/reasoning-tags';
export type { ReasoningTags, SplitText } from './providers/reasoning-tags';
export { amazonBedrockModelDefinition } from './component/definition';
export { buildChatModel, AMAZON_BEDROCK_MODEL_NAME, type BuildChatModelValues } from './component/build-chat-model';
export { textResponse, type TextResponse, type TextResponseOptions, type TextResponseValues } from './component/text-response';
export {
  AmazonBedrockModelError,
  AMAZON_BEDROCK_MODEL_MESSAGES,
  type AmazonBedrockModelErrorCode,
} from './errors/amazon-bedrock-model-error';
