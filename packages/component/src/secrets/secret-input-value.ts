import { Secret } from './secret';
import type { VariableResolver } from './variable-resolver';

/**
 * What a host may pass for a secret input:
 * - a string: the value itself;
 * - `{ variable: 'NAME' }`: a variable resolved from the host's variables, then the environment;
 * - `{ value, load_from_db }`: Langflow's saved-flow form (`load_from_db: true` means `value` is a variable name);
 *   accepted only when `value` is an own key (`{ variable }` only with an own string `variable`): any other object
 *   is a shape problem, never "unset";
 * - a {@link Secret}.
 */
export type SecretInputValue = string | Secret | { variable: string } | { value: string; load_from_db?: boolean };

/**
 * Outcome of {@link resolveSecretInput}: the secret, nothing (unset or unresolved), or a shape problem. When a named
 * variable resolved to nothing, `unresolvedVariable` carries its name (a name is not a secret), so the input can
 * tell "left unset" from "names a variable the host does not have".
 */
export type SecretResolution =
  | { ok: true; secret: Secret | undefined; unresolvedVariable?: string }
  | { ok: false; problem: string };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,255}$/;

function fromVariable(name: string, resolve: VariableResolver): SecretResolution {
  if (!VARIABLE_NAME.test(name)) return { ok: false, problem: 'is not a valid variable name' };
  const value = resolve(name);
  if (value === undefined || value === '') return { ok: true, secret: undefined, unresolvedVariable: name };
  return { ok: true, secret: new Secret(value, { kind: 'variable', name }) };
}

/** Turns a raw secret input into a {@link Secret} (or `undefined` when unset or unresolved). Never echoes the value. */
export function resolveSecretInput(raw: unknown, resolve: VariableResolver): SecretResolution {
  if (raw === undefined || raw === null || raw === '') return { ok: true, secret: undefined };
  if (raw instanceof Secret) return { ok: true, secret: raw.reveal() === '' ? undefined : raw };
  if (typeof raw === 'string') return { ok: true, secret: new Secret(raw) };
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const obj = raw as Record<string, unknown>;
    // Own keys only: an inherited `variable`/`value` (a polluted prototype) is no secret form.
    if (Object.hasOwn(obj, 'variable')) {
      if (typeof obj.variable !== 'string') return { ok: false, problem: 'has a `variable` that is not a string' };
      return fromVariable(obj.variable, resolve);
    }
    if (Object.hasOwn(obj, 'value')) {
      if (typeof obj.value !== 'string' && obj.value !== null && obj.value !== undefined)
        return { ok: false, problem: 'has a `value` that is not a string' };
      // Only a boolean: a string "true" (a hand-edited flow) would otherwise send the variable's NAME as the secret.
      if (obj.load_from_db !== undefined && typeof obj.load_from_db !== 'boolean') return { ok: false, problem: 'has a `load_from_db` that is not true or false' };
      const value = typeof obj.value === 'string' ? obj.value : '';
      if (value === '') return { ok: true, secret: undefined };
      if (obj.load_from_db === true) return fromVariable(value, resolve);
      return { ok: true, secret: new Secret(value) };
    }
    // Any other object (`{ token: … }`, `{ profile: … }`) is a mistake, not "unset": unset would silently fall back
    // to the default credential chain.
    return { ok: false, problem: 'is an object that is neither { variable: NAME } nor { value, load_from_db }' };
  }
  return { ok: false, problem: 'is neither a string nor a variable reference' };
}
