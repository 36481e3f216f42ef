import type { InputSpecs, InputValues } from '../inputs/input-spec';
import type { VariableResolver } from '../secrets/variable-resolver';
import { ComponentValidationError } from './component-validation-error';
import { describeReceived } from './describe-received';
import type { ValidationIssue } from './validation-issue';

/** Options of {@link validateInputs}. */
export interface ValidateInputsOptions {
  /** Component name shown in the error. */
  component: string;
  /** Message prefix of the error; default `Invalid inputs for <component>: `. */
  errorPrefix?: string;
  /** `'ignore'` (default, like Langflow tweaks) or `'reject'` inputs the definition does not declare. */
  unknownInputs?: 'ignore' | 'reject';
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Validates raw input values against their specs: applies defaults, coerces, resolves secrets, and checks every
 * field. Throws ONE {@link ComponentValidationError} listing every bad field; never makes a network call.
 * Required secrets that resolve to nothing are NOT errors: they fall through to the profile or default chain.
 */
export function validateInputs<I extends InputSpecs>(
  specs: I,
  raw: Readonly<Record<string, unknown>>,
  resolve: VariableResolver,
  options: ValidateInputsOptions,
): InputValues<I> {
  const issues: ValidationIssue[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(specs)) {
    const given = Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined;
    const candidate = given === undefined ? spec.defaultValue : given;
    const result = spec.parse(candidate, resolve);
    if (!result.ok) {
      const issue: ValidationIssue = { field, problem: result.problem, allowed: spec.allowed };
      if (!spec.secret) issue.received = spec.describeReceived ? spec.describeReceived(candidate) : describeReceived(candidate);
      issues.push(issue);
      continue;
    }
    if (spec.ui.required && !spec.secret && isEmpty(result.value)) {
      issues.push({ field, problem: 'is required', allowed: spec.allowed });
      continue;
    }
    values[field] = result.value;
  }
  if (options.unknownInputs === 'reject') {
    for (const field of Object.keys(raw)) {
      if (!Object.prototype.hasOwnProperty.call(specs, field)) {
        issues.push({ field, problem: 'is not an input of this component', allowed: Object.keys(specs).join(', ') });
      }
    }
  }
  if (issues.length > 0) {
    throw new ComponentValidationError(options.component, issues, options.errorPrefix === undefined ? {} : { prefix: options.errorPrefix });
  }
  return values as InputValues<I>;
}
