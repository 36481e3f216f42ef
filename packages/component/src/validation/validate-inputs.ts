import type { InputSpecs, InputValues } from '../inputs/input-spec';
import type { VariableResolver } from '../secrets/variable-resolver';
import { applyLegacyFields } from './apply-legacy-fields';
import { ComponentValidationError } from './component-validation-error';
import { isCredentialLikeField } from './credential-like-field';
import { describeReceived } from './describe-received';
import type { ValidationIssue } from './validation-issue';

/** Options of {@link validateInputs}. */
export interface ValidateInputsOptions {
  /** Component name shown in the error. */
  component: string;
  /** Message prefix of the error; default `Invalid inputs for <component>: `. */
  errorPrefix?: string;
  /**
   * `'ignore'` (default, like Langflow tweaks) or `'reject'` inputs the definition does not declare. Undeclared names
   * that look like credentials (`*key*`, `*secret*`, `*token*`, `*password*`) are rejected either way.
   */
  unknownInputs?: 'ignore' | 'reject';
  /** Old input names, old -> current: a value under an old name is used as the current input. Default none. */
  legacyFields?: Readonly<Record<string, string>>;
}

function secretInputNames(specs: InputSpecs): string {
  const names = Object.keys(specs).filter((name) => specs[name]!.secret);
  return names.length === 0 ? '(none: this component takes no credentials)' : names.join(', ');
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
  given: Readonly<Record<string, unknown>>,
  resolve: VariableResolver,
  options: ValidateInputsOptions,
): InputValues<I> {
  const issues: ValidationIssue[] = [];
  const values: Record<string, unknown> = {};
  const legacyFields = options.legacyFields;
  const raw = legacyFields ? applyLegacyFields(given, legacyFields, issues) : given;
  for (const [field, spec] of Object.entries(specs)) {
    const value = Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined;
    const candidate = value === undefined ? spec.defaultValue : value;
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
  for (const field in given) {
    if (!Object.prototype.hasOwnProperty.call(given, field) || Object.prototype.hasOwnProperty.call(specs, field)) continue;
    if (legacyFields && Object.prototype.hasOwnProperty.call(legacyFields, field)) continue;
    if (isCredentialLikeField(field)) {
      // Ignoring it would run the node on other credentials (host variables, the default chain) than the flow names.
      issues.push({ field, problem: 'looks like a credential but is not an input of this component, so it cannot be used', allowed: `the credential inputs ${secretInputNames(specs)}` });
    } else if (options.unknownInputs === 'reject') {
      issues.push({ field, problem: 'is not an input of this component', allowed: Object.keys(specs).join(', ') });
    }
  }
  if (issues.length > 0) {
    throw new ComponentValidationError(options.component, issues, options.errorPrefix === undefined ? {} : { prefix: options.errorPrefix });
  }
  return values as InputValues<I>;
}
