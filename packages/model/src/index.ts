export { ChatBedrockInvoke } from './chat-model/chat-bedrock-invoke';
export type { ChatBedrockInvokeCallOptions, ChatBedrockInvokeFields } from './chat-model/chat-bedrock-invoke';
export { ModelStreamReader, DEFAULT_DRAIN_TIMEOUT_MS } from './chat-model/stream-reader';
export type { ModelStreamReaderOptions } from './chat-model/stream-reader';
export { mergeModelKwargs } from './chat-model/merge-model-kwargs';
export { toToolSpecs, toToolChoiceSpec } from './chat-model/tool-specs';
export { ModelValidationError } from './errors/model-validation-error';
export { ModelResponseError } from './errors/model-response-error';
export { ProviderRegistry, BUILT_IN_ADAPTERS, defaultProviderRegistry } from './providers/registry';
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
export { novaAdapter } from './providers/nova';
export { metaLlamaAdapter, llama2Prompt, llama3Prompt } from './providers/meta-llama';
export { mistralAdapter, mistralInstructPrompt } from './providers/mistral';
export { cohereAdapter, cohereCommandPrompt, commandRChat } from './providers/cohere';
export { ai21Adapter, jurassicPrompt } from './providers/ai21';
export { amazonBedrockModelDefinition } from './component/definition';
export { buildChatModel, AMAZON_BEDROCK_MODEL_NAME, type BuildChatModelValues } from './component/build-chat-model';
export { textResponse, type TextResponse, type TextResponseOptions, type TextResponseValues } from './component/text-response';
export {
  AmazonBedrockModelError,
  AMAZON_BEDROCK_MODEL_MESSAGES,
  type AmazonBedrockModelErrorCode,
} from './errors/amazon-bedrock-model-error';
