import { ComponentValidationError, type ValidationIssue } from '@bedrock-flow/component';
import { COMPONENT_NAME } from '../component-name';
import { VALIDATION_ERROR_PREFIX } from '../errors/error-prefixes';

/** Converse `guardrailConfig` as the component sends it. */
export interface ConverseGuardrailConfig {
  guardrailIdentifier: string;
  guardrailVersion: string;
  trace: 'enabled' | 'disabled' | 'enabled_full';
}

/** The guardrail inputs (already pattern-checked by their specs; "" means unset). */
export interface GuardrailValues {
  guardrail_identifier?: string | undefined;
  guardrail_version?: string | undefined;
  guardrail_trace?: string | undefined;
}

/**
 * `guardrailConfig` from the guardrail inputs, or `undefined` when neither identifier nor version is set. Bedrock
 * requires both: one without the other is a `ComponentValidationError` naming the missing one, before any call.
 */
export function guardrailConfigOf(values: GuardrailValues): ConverseGuardrailConfig | undefined {
  const identifier = values.guardrail_identifier || undefined;
  const version = values.guardrail_version || undefined;
  if (identifier === undefined && version === undefined) return undefined;
  if (identifier === undefined || version === undefined) {
    const issue: ValidationIssue =
      identifier === undefined
        ? { field: 'guardrail_identifier', problem: 'is empty while guardrail_version is set: Bedrock needs both', allowed: 'a guardrail id or ARN' }
        : { field: 'guardrail_version', problem: 'is empty while guardrail_identifier is set: Bedrock needs both', allowed: 'DRAFT or a version number' };
    throw new ComponentValidationError(COMPONENT_NAME, [issue], { prefix: VALIDATION_ERROR_PREFIX });
  }
  return { guardrailIdentifier: identifier, guardrailVersion: version, trace: (values.guardrail_trace ?? 'disabled') as ConverseGuardrailConfig['trace'] };
}
