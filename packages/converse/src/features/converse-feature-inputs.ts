import { z } from 'zod';
import { boolInput, dropdownInput, strInput } from '@bedrock-flow/component';
import { GUARDRAIL_IDENTIFIER_PATTERN, GUARDRAIL_TRACE_VALUES, GUARDRAIL_VERSION_PATTERN, PERFORMANCE_LATENCY_VALUES } from './guardrail-patterns';

/** Bedrock's pattern, or "" (hosts send a cleared field as "", which means unset here). */
const orEmpty = (pattern: RegExp, max: number): z.ZodType<string> => z.string().max(max).regex(new RegExp(`(^$)|${pattern.source}`));

/**
 * The bedrock-flow Converse inputs beyond upstream Langflow, all advanced: prompt caching, a guardrail and
 * latency-optimized inference. Each maps to a Converse request member (see `chatModelFields`).
 */
export function converseFeatureInputs() {
  return {
    prompt_caching: boolInput({
      displayName: 'Prompt Caching',
      info: 'Adds a cache point after the system prompt (Converse system: [{text}, {cachePoint: {type: "default"}}]) so Bedrock can reuse it across calls, on models that support prompt caching.',
      default: false,
      advanced: true,
    }),
    guardrail_identifier: strInput({
      displayName: 'Guardrail Identifier',
      info: 'ID or ARN of an Amazon Bedrock guardrail to apply (Converse guardrailConfig.guardrailIdentifier). Set together with Guardrail Version.',
      advanced: true,
      schema: orEmpty(GUARDRAIL_IDENTIFIER_PATTERN, 2048),
      allowed: 'a guardrail id (lower-case letters and digits, e.g. "abc123xyz") or a guardrail ARN, or empty',
    }),
    guardrail_version: strInput({
      displayName: 'Guardrail Version',
      info: 'Version of the guardrail: DRAFT or a version number (Converse guardrailConfig.guardrailVersion). Set together with Guardrail Identifier.',
      advanced: true,
      schema: orEmpty(GUARDRAIL_VERSION_PATTERN, 8),
      allowed: 'DRAFT or a version number from 1 to 99999999, or empty',
    }),
    guardrail_trace: dropdownInput({
      displayName: 'Guardrail Trace',
      info: 'Whether the response carries the guardrail trace (response metadata trace.guardrail). Used only with a guardrail.',
      options: GUARDRAIL_TRACE_VALUES,
      default: 'disabled',
      advanced: true,
    }),
    performance_config_latency: dropdownInput({
      displayName: 'Latency Optimization',
      info: 'Latency-optimized inference (Converse performanceConfig.latency) on the models and Regions that offer it.',
      options: PERFORMANCE_LATENCY_VALUES,
      default: 'standard',
      advanced: true,
    }),
  };
}
