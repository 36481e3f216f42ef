export { AWS_MODEL_IDS, AWS_EMBEDDING_MODEL_IDS, MODEL_ID_PATTERN } from './aws/model-ids';
export { AWS_REGIONS, AWS_REGION_PATTERN, DEFAULT_AWS_REGION, isAwsRegion } from './aws/regions';
export { GEO_PREFIXES, parseModelId, type ModelIdKind, type ParsedModelId } from './aws/parse-model-id';
export { stripGeoPrefix, modelProvider } from './aws/strip-geo-prefix';
export { mergeDicts, type MergeDictsOptions } from './aws/merge-dicts';
export { findEndpointUrlProblem, ENDPOINT_URL_ALLOWED } from './aws/endpoint-url';
export type { AwsConnectionValues } from './aws/aws-connection-values';
export { toClientConfig, type ToClientConfigOptions } from './aws/to-client-config';
export { LANGFLOW_LEGACY_AWS_FIELDS } from './aws/legacy-aws-fields';
export { AWS_ACCESS_KEY_ID_SHAPE } from './aws/credential-value-rules';
export { acquireBedrockClient } from './aws/acquire-bedrock-client';

export type { ComponentContext, ComponentPool, ComponentLogger, NodeIdentity } from './definition/component-context';
export type { ComponentDefinition, ComponentMethod, OutputSpec } from './definition/component-definition';
export { ComponentDefinitionError, COMPONENT_DEFINITION_ERROR_CODE } from './definition/component-definition-error';
export { defineComponent } from './definition/define-component';
export { createComponent, type ComponentInstance, type CreateComponentOptions } from './definition/create-component';

export type { InputKind } from './inputs/input-kind';
export type { InputSpec, InputSpecs, InputUi, InputValues, InputValueOf, InputParseResult, BaseInputOptions } from './inputs/input-spec';
export { createInputSpec, InputProblem, UNSET, baseUi, type CreateInputSpecFields } from './inputs/create-input-spec';
export { messageInput, messageTextInput, multilineInput, strInput, type TextInputOptions } from './inputs/text-inputs';
export { floatInput, intInput, type NumberInputOptions } from './inputs/number-inputs';
export { timeoutInput, MAX_TIMEOUT_SECONDS } from './inputs/timeout-input';
export { boolInput, type BoolInputOptions } from './inputs/bool-input';
export { dropdownInput, type DropdownInputOptions } from './inputs/dropdown-input';
export { dictInput, type Dict, type DictInputOptions } from './inputs/dict-input';
export { secretStrInput, type SecretStrInputOptions } from './inputs/secret-str-input';
export { chatModelBaseInputs } from './inputs/chat-model-base-inputs';
export {
  awsAccessKeyIdInput,
  awsSecretAccessKeyInput,
  awsSessionTokenInput,
  credentialsProfileNameInput,
  bedrockApiKeyInput,
  awsCredentialInputs,
  regionNameInput,
  modelIdInput,
  embeddingModelIdInput,
  endpointUrlInput,
  type AwsInputOverrides,
  type AwsSecretInputOverrides,
  type AwsCredentialInputsOptions,
  type ModelIdInputOptions,
} from './inputs/aws-inputs';

export { Secret, REDACTED_TEXT, type SecretOrigin } from './secrets/secret';
export { createVariableResolver, type VariableResolver, type VariableSource, type VariableResolverOptions } from './secrets/variable-resolver';
export { hostConnectionValues, type HostCredentialRule, type StoredConnection, type StoredSecretField } from './secrets/host-connection-values';
export { resolveSecretInput, type SecretInputValue, type SecretResolution } from './secrets/secret-input-value';

export { ComponentValidationError, COMPONENT_VALIDATION_ERROR_CODE, type ComponentValidationErrorOptions } from './validation/component-validation-error';
export type { ValidationIssue } from './validation/validation-issue';
export { validateInputs, type ValidateInputsOptions } from './validation/validate-inputs';
export { describeReceived } from './validation/describe-received';
export { findDictProblem, isPlainDict, FORBIDDEN_DICT_KEYS } from './validation/find-dict-problem';
export { isCredentialLikeField } from './validation/credential-like-field';
export { applyLegacyFields } from './validation/apply-legacy-fields';

export { ComponentRegistry } from './registry/component-registry';
export { buildManifestEntry } from './registry/build-manifest-entry';
export { langflowPaletteIds } from './registry/langflow-palette-ids';
export { inputField, isRealBound, type InputField, type InputFieldKind } from './registry/input-field';
export type { ComponentManifest, ManifestComponent, ManifestInput, ManifestOutput } from './registry/manifest-types';

export { sanitizeAwsError, type SanitizedAwsError } from '@bedrock-flow/bedrock-pool';
export { awsErrorNameOf } from './errors/aws-error-name';
export { attachStreamRequestId, withStreamRequestId } from './errors/with-stream-request-id';

export type { TextResponse, TextResponseOptions } from './chat/text-response';
export { buildChatMessages, type ChatMessageValues, type BuildChatMessagesOptions } from './chat/build-chat-messages';
export {
  runTextResponse,
  invokeChatTextResponse,
  streamChatTextResponse,
  drainTextResponse,
  textResponseCallOptions,
  textOf,
  type TextResponseModel,
  type TextResponseCallOptions,
} from './chat/run-text-response';
export { buildChatMessagesWithFiles, type BuildChatMessagesWithFilesOptions } from './chat/build-chat-messages';

export type { MessageFileInput, MessageWithFiles, ChatInputValue } from './media/message-file';
export { inputText, inputFiles } from './media/message-file';
export { resolveMessageFiles, type ResolveMessageFilesOptions } from './media/resolve-message-files';
export { describeResolvedFile, type ResolvedFile } from './media/resolved-file';
export { converseContentBlock } from './media/converse-content-blocks';
export { BEDROCK_MEDIA_LIMITS } from './media/bedrock-media-limits';
export { mediaFormatOf, mimeTypeOfFileName, SUPPORTED_MEDIA_TYPES, type MediaKind, type MediaFormat } from './media/media-formats';
export { bedrockDocumentName, isBedrockDocumentName } from './media/document-name';
export { readImageHeader } from './media/image-header';
export { decodeBase64, parseDataUrl } from './media/decode-base64';

export { reasoningInputs, REASONING_EFFORTS, type ReasoningEffort } from './reasoning/reasoning-inputs';
export { reasoningFamilyOf, REASONING_MODELS, type ReasoningFamily } from './reasoning/reasoning-family';
export {
  planReasoning,
  describeReasoningPlan,
  isUserSet,
  CLAUDE_BUDGET_BY_EFFORT,
  CLAUDE_MIN_BUDGET_TOKENS,
  type ReasoningPlan,
  type PlanReasoningInput,
  type SamplingSetting,
} from './reasoning/plan-reasoning';

export { listModels, discoveryCacheOf, type ListModelsOptions, type DiscoveryPool } from './discovery/list-models';
export { DiscoveryCache, DEFAULT_DISCOVERY_TTL_MS, DEFAULT_DISCOVERY_FAILURE_TTL_MS, DEFAULT_DISCOVERY_MAX_ENTRIES, type DiscoveryCacheOptions } from './discovery/discovery-cache';
export type { ModelCatalog, DiscoveredModel, DiscoveredProfile } from './discovery/model-catalog';
export { profilesForModel, crossRegionProfileFor, type CrossRegionInference } from './discovery/profiles-for-model';
export { crossRegionInferenceInput, applyCrossRegionInference, profileGeographyOfRegion, CROSS_REGION_INFERENCE_MODES, type CrossRegionCall } from './discovery/cross-region-inference';
export { needsInferenceProfile, inferenceProfilesFor, inferenceProfileAdvice } from './discovery/inference-profile-hint';
