/** Bedrock's `guardrailIdentifier` pattern (Converse API reference): a guardrail id or its ARN, at most 2,048 characters. */
export const GUARDRAIL_IDENTIFIER_PATTERN = /^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/;
/** Bedrock's `guardrailVersion` pattern: `DRAFT` or a version number 1..99999999. */
export const GUARDRAIL_VERSION_PATTERN = /^(([1-9][0-9]{0,7})|(DRAFT))$/;
/** Converse `guardrailConfig.trace` values; Bedrock's default is `disabled`. */
export const GUARDRAIL_TRACE_VALUES = ['enabled', 'disabled', 'enabled_full'] as const;
/** Converse `performanceConfig.latency` values; Bedrock's default is `standard`. */
export const PERFORMANCE_LATENCY_VALUES = ['standard', 'optimized'] as const;
