export { startEmulator } from './start-emulator';
export { TEST_CREDENTIALS } from './test-credentials';
export { startLatencyProxy } from './proxy/latency-proxy';
export type { LatencyProxyOptions, RunningLatencyProxy } from './proxy/latency-proxy';
export { EmulatorOptionsError } from './errors/emulator-options-error';
export { BedrockError } from './errors/bedrock-error';
export { EmulatorWaitTimeoutError } from './errors/emulator-wait-timeout-error';
export type {
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
