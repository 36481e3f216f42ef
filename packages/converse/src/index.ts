export { amazonBedrockConverseDefinition } from './definition';
export { COMPONENT_NAME } from './component-name';
export { converseInputs, type ConverseValues } from './converse-inputs';
export { chatModelFields, type ChatModelFields } from './chat-model-fields';
export { buildChatModel } from './build-chat-model';
export { textResponse } from './text-response';
export { textResponseStream, invokeTextResponse, textOf } from './text-response-stream';
export type { TextResponse, TextResponseOptions } from './text-response-types';
export { buildMessages } from './build-messages';
export { PooledChatBedrockConverse, type PooledChatBedrockConverseInput } from './pooled-chat-bedrock-converse';
export { converseFeatureInputs } from './features/converse-feature-inputs';
export { guardrailConfigOf, type ConverseGuardrailConfig, type GuardrailValues } from './features/guardrail-config';
export { withSystemCachePoint, CACHE_POINT_BLOCK } from './features/system-cache-point';
export {
  GUARDRAIL_IDENTIFIER_PATTERN,
  GUARDRAIL_VERSION_PATTERN,
  GUARDRAIL_TRACE_VALUES,
  PERFORMANCE_LATENCY_VALUES,
} from './features/guardrail-patterns';
export { VALIDATION_ERROR_PREFIX, CONVERSE_API_ERROR_PREFIX, INITIALIZATION_ERROR_PREFIX } from './errors/error-prefixes';
export { ConverseApiError, CONVERSE_API_ERROR_CODE } from './errors/converse-api-error';
export { ConverseInitializationError, CONVERSE_INITIALIZATION_ERROR_CODE } from './errors/converse-initialization-error';
export { toConverseApiError, isAbortError } from './errors/to-converse-api-error';
