export { startEmulator } from './start-emulator';
export { TEST_CREDENTIALS } from './test-credentials';
export { startLatencyProxy } from './proxy/latency-proxy';
export type { LatencyProxyOptions, RunningLatencyProxy } from './proxy/latency-proxy';
export { EmulatorOptionsError } from './errors/emulator-options-error';
export type { EmulatorOptionIssue } from './errors/emulator-options-error';
export { EmulatorScriptError } from './errors/emulator-script-error';
export { BedrockError } from './errors/bedrock-error';
export { EmulatorWaitTimeoutError } from './errors/emulator-wait-timeout-error';
export { CONTROL_PATH_PREFIX } from './control/control-routes';
export { applyReplyScripts, loadReplyScriptFile, parseReplyScripts } from './control/reply-script-file';
export type { ReplyScriptEntry, ReplyScriptFile, ReplyScriptFileEntry } from './control/reply-script-file';
export { DEFAULT_FOUNDATION_MODELS } from './control-plane/default-foundation-models';
export { GEOGRAPHY_REGIONS, geographyOfRegion } from './control-plane/region-geography';
export type {
  EmulatorApplicationProfile,
  EmulatorCatalog,
  EmulatorFoundationModel,
  EmulatorInferenceType,
  EmulatorModality,
  EmulatorProfileGeography,
} from './control-plane/catalog-types';
export type {
  ControlPlaneOperation,
  EmulatorCredentials,
  EmulatorOptions,
  EmulatorOperation,
  EmulatorStats,
  FaultConfig,
  ModelRequestView,
  ReplyScript,
  RunningEmulator,
  ScriptedReply,
} from './types';
export type { EmulatorKnowledgeBase, KnowledgeBaseDocument, KnowledgeBaseMetadataValue } from './knowledge-base/knowledge-base-types';
