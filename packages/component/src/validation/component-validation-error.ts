import { BedrockFlowError, redactSecrets } from '@bedrock-flow/bedrock-pool';
import type { ValidationIssue } from './validation-issue';

/** Error code of {@link ComponentValidationError}. */
export const COMPONENT_VALIDATION_ERROR_CODE = 'ERR_COMPONENT_VALIDATION_FAILED';

function describeIssue(issue: ValidationIssue): string {
  const received = issue.received === undefined ? '' : `; received ${issue.received}`;
  return `${issue.field}: ${issue.problem} (allowed: ${issue.allowed}${received})`;
}

function redactIssue(issue: ValidationIssue): ValidationIssue {
  const problem = redactSecrets(issue.problem);
  const received = issue.received === undefined ? undefined : redactSecrets(issue.received);
  if (problem === issue.problem && received === issue.received) return issue;
  return { ...issue, problem, ...(received === undefined ? {} : { received }) };
}

/** Options of {@link ComponentValidationError}. */
export interface ComponentValidationErrorOptions {
  /** Message prefix; default `Invalid inputs for <component>: `. */
  prefix?: string;
}

/**
 * Thrown before any network call when a component's inputs are invalid. Lists EVERY bad field in
 * {@link ComponentValidationError.issues}; the message names each field, its problem and what is allowed.
 * Secret values never appear in it, nor anything shaped like one that was typed into another field.
 */
export class ComponentValidationError extends BedrockFlowError {
  declare readonly code: typeof COMPONENT_VALIDATION_ERROR_CODE;
  /** The first bad input (every one is in {@link ComponentValidationError.issues}). */
  declare readonly field: string;
  /** Langflow name of the component whose inputs failed. */
  readonly component: string;
  /** Every bad input, in definition order. */
  readonly issues: readonly ValidationIssue[];

  constructor(component: string, issues: readonly ValidationIssue[], options: ComponentValidationErrorOptions = {}) {
    // A careless user pastes a secret key into the field beside the key fields (knowledge_base_id, model_id, a filter):
    // what the error shows of a value goes through the pool's redaction of secret shapes (40+ base64 characters, API keys).
    issues = issues.map(redactIssue);
    const prefix = options.prefix ?? `Invalid inputs for ${component}: `;
    super(COMPONENT_VALIDATION_ERROR_CODE, `${prefix}${issues.map(describeIssue).join('; ')}`, { field: issues[0]?.field });
    this.component = component;
    this.issues = issues;
  }
}
