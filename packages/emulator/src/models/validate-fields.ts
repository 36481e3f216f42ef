import { validationError } from '../errors/bedrock-error';

/** A JSON object, or a ValidationException naming `path`. */
export function asObject(value: unknown, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationError(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be an object`);
  }
  return value as Record<string, unknown>;
}

/** Parses a JSON request body; malformed JSON is a ValidationException. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw validationError('Malformed input request: the body is not valid JSON, please reformat your input and try again.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationError('Malformed input request: the body must be a JSON object, please reformat your input and try again.');
  }
  return value as Record<string, unknown>;
}

/** Requires a member to be present. */
export function required<T>(value: T | undefined | null, path: string): T {
  if (value === undefined || value === null) {
    throw validationError(`1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/** An optional number within [min, max] (integer when `integer`). */
export function optionalNumber(value: unknown, path: string, min: number, max: number, integer = false): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || (integer && !Number.isInteger(value))) {
    throw validationError(`1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: Member must be ${integer ? 'an integer' : 'a number'}`);
  }
  if (value < min) {
    throw validationError(`1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`);
  }
  if (value > max) {
    throw validationError(`1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  }
  return value;
}

/** An optional array of strings. */
export function optionalStrings(value: unknown, path: string, maxItems = Infinity): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationError(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be a list of strings`);
  }
  if (value.length > maxItems) {
    throw validationError(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${maxItems}`);
  }
  return value as string[];
}

/** A required non-empty string. */
export function requiredString(value: unknown, path: string): string {
  if (typeof required(value, path) !== 'string') {
    throw validationError(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be a string`);
  }
  return value as string;
}

/**
 * Bedrock's JSON-schema check of a model body: the first key not in `allowed` is a ValidationException in the
 * service's own words (`#: extraneous key [x] is not permitted`).
 */
export function rejectExtraneousKeys(body: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  const extra = Object.keys(body).find((key) => !allowed.has(key));
  if (extra !== undefined) {
    throw validationError(`Malformed input request: #: extraneous key [${extra}] is not permitted, please reformat your input and try again.`);
  }
}

/** Bedrock's JSON-schema check for a missing required key (`#: required key [x] not found`). */
export function requireKey(body: Record<string, unknown>, key: string): void {
  if (body[key] === undefined) {
    throw validationError(`Malformed input request: #: required key [${key}] not found, please reformat your input and try again.`);
  }
}
