import { ModelValidationError } from '../errors/model-validation-error';

/** Whether `value` is a plain JSON object (not an array, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `modelKwargs` merged over an adapter's body: kwargs win; nested plain objects merge key by key (so
 * `{ textGenerationConfig: { topP: 0.5 } }` keeps the other Titan generation fields); arrays are replaced.
 */
export function mergeModelKwargs(body: Record<string, unknown>, kwargs: Record<string, unknown> | undefined) {
  if (!kwargs) return body;
  const out: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(kwargs)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeModelKwargs(current, value) : value;
  }
  return out;
}

/**
 * Check `modelKwargs` is a JSON object before any request.
 * @throws ModelValidationError `ERR_MODEL_INVALID_KWARGS` (field `modelKwargs`).
 */
export function validateModelKwargs(kwargs: unknown): Record<string, unknown> | undefined {
  if (kwargs === undefined || kwargs === null) return undefined;
  if (!isPlainObject(kwargs))
    throw new ModelValidationError(
      'ERR_MODEL_INVALID_KWARGS',
      'modelKwargs',
      `modelKwargs must be a JSON object of body fields (got ${Array.isArray(kwargs) ? 'an array' : typeof kwargs}).`,
    );
  try {
    JSON.stringify(kwargs);
  } catch {
    throw new ModelValidationError('ERR_MODEL_INVALID_KWARGS', 'modelKwargs', 'modelKwargs must be JSON-serializable.');
  }
  return kwargs;
}
