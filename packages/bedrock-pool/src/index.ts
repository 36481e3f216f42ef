export { BedrockPool } from './pool/bedrock-pool';
export type { BedrockPoolOptions } from './pool/bedrock-pool-options';
export type { BedrockPoolEventMap, SlotRetireReason } from './pool/bedrock-pool-events';
export { ClientLease, type ClientLeaseJSON } from './pool/client-lease';
export type { SlotDescription, SlotMetricsSnapshot, SlotState } from './pool/client-slot';
export { getDefaultPool } from './pool/default-pool';
export { ProcessPool, type ProcessPoolOptions } from './host/process-pool';
export { hostPoolOptions, type HostPoolSettings } from './host/host-pool-options';
export { hostNodeIdentity } from './host/host-node-identity';
export {
  BEDROCK_SERVICES,
  DEFAULT_BEDROCK_SERVICE,
  type AcquireOptions,
  type BedrockService,
  type BedrockServiceClient,
  type BedrockServiceClients,
} from './services/bedrock-service';
export { regionalServiceHost, serviceEndpoint } from './services/service-endpoint';
export type { ClientConfig, CredentialSource, HttpConfig, NodeIdentity, RetryConfig, TlsConfig } from './config/client-config';
export * from './config/defaults';
export { AWS_REGION_PATTERN, isAwsRegion } from './config/aws-region';
export { normalizeConfig, type NormalizedClientConfig } from './config/normalize-config';
export { normalizePoolOptions, type NormalizedPoolOptions } from './config/normalize-pool-options';
export { fingerprintConfig } from './config/fingerprint-config';
export { resolveProxy } from './config/resolve-proxy';
export type { CredentialProviderStats } from './credentials/shared-credential-provider';
export { BedrockFlowError, type BedrockFlowErrorCode, type BedrockFlowErrorOptions } from './errors/bedrock-flow-error';
export { sanitizeAwsError, type SanitizedAwsError } from './errors/sanitize-aws-error';
export { redactSecrets } from './errors/redact-secrets';
export { MAX_SERVICE_MESSAGE_CHARS, serviceMessage } from './errors/service-message';
export { awsErrorFacts, describeAwsAnswer, describeAwsError, type AwsErrorFacts } from './errors/aws-error-facts';
export { BedrockPoolError, type BedrockPoolErrorCode } from './errors/bedrock-pool-error';
export { ConfigValidationError } from './errors/config-validation-error';
export { CredentialResolutionError } from './errors/credential-resolution-error';
export { PoolClosedError } from './errors/pool-closed-error';
export { WarmUpError } from './errors/warm-up-error';
export { RequestMayHaveBeenBilledError, type UnansweredReason } from './errors/request-may-have-been-billed-error';
export type { PoolRequestOptions } from './attempts/attempt-options-handler';
export { operationKindOf, type OperationKind } from './attempts/operation-kind';
export type { EndpointPolicyOptions } from './endpoint-policy/endpoint-policy-options';
export { EndpointPolicy } from './endpoint-policy/endpoint-policy';
export { EndpointNotAllowedError, type EndpointRefusal } from './endpoint-policy/endpoint-not-allowed-error';
export { endpointPolicyFromEnv, ENDPOINT_POLICY_ENV } from './endpoint-policy/endpoint-policy-from-env';
export { credentialOriginOf, type CredentialOrigin } from './endpoint-policy/credential-origin';
export { isAwsEndpointHost } from './endpoint-policy/is-aws-endpoint-host';
export { isLoopbackHost } from './endpoint-policy/is-loopback-host';
export { parseEndpointTarget, type EndpointTarget } from './endpoint-policy/parse-endpoint-target';
export type { PoolLogger } from './logging/pool-logger';
export type { LatencySummary } from './metrics/latency-histogram';
export type { MetricsSummary } from './metrics/metrics-recorder';
export type { CounterName, GaugeName, LatencyName } from './metrics/metric-names';
export type { PoolMetricsSnapshot } from './metrics/pool-metrics-snapshot';
export type { EndpointMetricsSnapshot } from './metrics/endpoint-metrics-snapshot';
export type { TransportSharing } from './transport/shared-transport';
export { OTEL_METER_NAME } from './metrics/open-telemetry-sink';
export { loadOpenTelemetryMeter } from './metrics/load-open-telemetry-meter';
