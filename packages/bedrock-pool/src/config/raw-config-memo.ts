import type { ClientConfig } from './client-config';

/** Environment variables that decide the proxy when neither the config nor the pool defaults set one. */
const PROXY_ENV = ['https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'] as const;

type Fields = readonly unknown[];

function objectOrUndefined(value: unknown): boolean {
  return value === undefined || (typeof value === 'object' && value !== null);
}

/** A Buffer is copied so a later in-place change of the caller's Buffer cannot go unnoticed. */
function copyCa(ca: unknown): unknown {
  if (Buffer.isBuffer(ca)) return Buffer.from(ca);
  if (Array.isArray(ca)) return ca.map((entry: unknown) => (Buffer.isBuffer(entry) ? Buffer.from(entry) : entry));
  return ca;
}

function sameCa(kept: unknown, given: unknown): boolean {
  if (kept === given && !Buffer.isBuffer(kept)) return !Array.isArray(kept);
  if (Buffer.isBuffer(kept)) return Buffer.isBuffer(given) && kept.equals(given);
  if (Array.isArray(kept)) {
    if (!Array.isArray(given) || given.length !== kept.length) return false;
    for (let i = 0; i < kept.length; i += 1) {
      const a: unknown = kept[i];
      const b: unknown = given[i];
      if (Buffer.isBuffer(a) ? !(Buffer.isBuffer(b) && a.equals(b)) : a !== b) return false;
    }
    return true;
  }
  return false;
}

/**
 * The raw fields of a `ClientConfig` that decide its normalized form and fingerprint, copied when a lease is made,
 * so the warm `acquire` of an unchanged config is a field-by-field comparison instead of a normalize + HMAC.
 * It holds the caller's credential strings (as the slot's credential provider does) in private fields only: it is
 * never serialized, logged or used as a key. Pool defaults are taken as fixed after the pool is built.
 */
export class RawConfigMemo {
  readonly #fields: Fields;
  readonly #ca: unknown;
  readonly #env: Fields | undefined;

  private constructor(fields: Fields, ca: unknown, env: Fields | undefined) {
    this.#fields = fields;
    this.#ca = ca;
    this.#env = env;
  }

  /** A memo of `config`, or undefined when its shape is not one the memo can compare (then every acquire normalizes). */
  static of(config: ClientConfig, readsProxyEnv: boolean, env: NodeJS.ProcessEnv): RawConfigMemo | undefined {
    const fields = fieldsOf(config);
    if (!fields) return undefined;
    return new RawConfigMemo(fields, copyCa(config.tls?.ca), readsProxyEnv ? envOf(env) : undefined);
  }

  /** Whether `config` (and the proxy environment, where it matters) equals what the memo was taken of. */
  matches(config: ClientConfig, env: NodeJS.ProcessEnv): boolean {
    const fields = fieldsOf(config);
    if (!fields) return false;
    const keptFields = this.#fields;
    for (let i = 0; i < keptFields.length; i += 1) if (keptFields[i] !== fields[i]) return false;
    if (!sameCa(this.#ca, config.tls?.ca)) return false;
    const kept = this.#env;
    if (kept) {
      if (kept[0] !== env.https_proxy || kept[1] !== env.HTTPS_PROXY) return false;
      // Without a proxy variable NO_PROXY decides nothing: skip reading it.
      if ((kept[0] || kept[1]) && (kept[2] !== env.no_proxy || kept[3] !== env.NO_PROXY)) return false;
    }
    return true;
  }

  /** No field, secret or not, is shown. */
  toJSON(): string {
    return 'RawConfigMemo';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'RawConfigMemo';
  }
}

function envOf(env: NodeJS.ProcessEnv): Fields {
  return PROXY_ENV.map((name) => env[name]);
}

function fieldsOf(config: ClientConfig): Fields | undefined {
  if (config === null || typeof config !== 'object') return undefined;
  const { credentials, tls, http, retry } = config as { credentials?: Record<string, unknown>; tls?: Record<string, unknown>; http?: Record<string, unknown>; retry?: Record<string, unknown> };
  if (!objectOrUndefined(credentials) || !objectOrUndefined(tls) || !objectOrUndefined(http) || !objectOrUndefined(retry)) return undefined;
  const c = credentials;
  return [
    config.region,
    config.endpoint,
    config.transport,
    config.proxy,
    credentials === undefined,
    c?.kind,
    c?.accessKeyId,
    c?.secretAccessKey,
    c?.sessionToken,
    c?.token,
    c?.profile,
    c?.configFile,
    c?.credentialsFile,
    c?.origin,
    tls === undefined,
    tls?.rejectUnauthorized,
    http === undefined,
    http?.maxSockets,
    http?.connectTimeoutMs,
    http?.requestTimeoutMs,
    http?.keepAliveMsecs,
    retry === undefined,
    retry?.mode,
    retry?.maxAttempts,
    // Long-answer options (issue 22).
    http?.generationTimeoutMs,
    http?.streamSilenceTimeoutMs,
    http?.embeddingTimeoutMs,
    http?.otherTimeoutMs,
    http?.idleSocketTimeoutMs,
    retry?.afterWrite,
  ];
}
