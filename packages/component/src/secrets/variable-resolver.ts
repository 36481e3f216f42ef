/** Looks a variable up by name; `undefined` when it does not exist. */
export type VariableResolver = (name: string) => string | undefined;

/** The host's variables: a lookup function, a plain record or a map. */
export type VariableSource = VariableResolver | Readonly<Record<string, string | undefined>> | ReadonlyMap<string, string>;

/** Options of {@link createVariableResolver}. */
export interface VariableResolverOptions {
  /** Environment consulted after the host's variables; `false` turns the fallback off. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | false;
}

function lookupIn(source: VariableSource | undefined, name: string): string | undefined {
  if (source === undefined) return undefined;
  if (typeof source === 'function') return source(name);
  if (source instanceof Map) return source.get(name);
  const record = source as Readonly<Record<string, string | undefined>>;
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/**
 * A resolver that looks a name up in the host's variables first, then in the environment (Langflow's
 * `load_from_db` with `fallback_to_env_vars`). Empty strings count as unset.
 */
export function createVariableResolver(host?: VariableSource, options: VariableResolverOptions = {}): VariableResolver {
  const env = options.env === undefined ? process.env : options.env;
  return (name) => {
    const fromHost = lookupIn(host, name);
    if (fromHost !== undefined && fromHost !== '') return fromHost;
    if (env === false) return undefined;
    const fromEnv = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
    return fromEnv === '' ? undefined : fromEnv;
  };
}
