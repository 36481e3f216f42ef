import { ConfigValidationError } from '../errors/config-validation-error';
import { redactSecrets } from '../errors/redact-secrets';
import type { ClientConfig, CredentialSource, HttpConfig, RetryConfig } from './client-config';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_EMBEDDING_TIMEOUT_MS,
  DEFAULT_GENERATION_TIMEOUT_MS,
  DEFAULT_IDLE_SOCKET_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_MSECS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_SOCKETS,
  DEFAULT_OTHER_TIMEOUT_MS,
  DEFAULT_RETRY_AFTER_WRITE,
  DEFAULT_RETRY_MODE,
  DEFAULT_STREAM_SILENCE_TIMEOUT_MS,
  DEFAULT_TRANSPORT,
  MAX_TIMEOUT_MS,
} from './defaults';
import { DEFAULT_BEDROCK_SERVICE, serviceAcceptsBearer, validateService, type BedrockService } from '../services/bedrock-service';
import { regionalServiceHost, serviceEndpoint } from '../services/service-endpoint';
import { isAwsRegion } from './aws-region';
import { resolveProxy } from './resolve-proxy';

/** A validated config with every default filled in. Holds secrets (in `credentials`): never store it whole. */
export interface NormalizedClientConfig {
  /** The Bedrock service the client calls. Default `'bedrock-runtime'`. */
  service: BedrockService;
  region: string;
  /**
   * Endpoint as given (trailing slash removed; an AWS host of another Bedrock service turned into `service`'s host, see
   * `serviceEndpoint`), or undefined for the SDK's regional endpoint.
   */
  endpoint: string | undefined;
  /** Parsed target origin: the endpoint's, or the regional host's. */
  target: { protocol: 'https:' | 'http:'; hostname: string; port: number };
  credentials: CredentialSource;
  transport: 'http1' | 'http2';
  tls: { ca: Array<string | Buffer> | undefined; rejectUnauthorized: boolean };
  /** Resolved proxy URL, or undefined for a direct connection. */
  proxy: string | undefined;
  /** Every HTTP option filled in, except `requestTimeoutMs`, which stays undefined unless set (then operations use their own). */
  http: Required<Omit<HttpConfig, 'requestTimeoutMs'>> & { requestTimeoutMs: number | undefined };
  retry: Required<RetryConfig>;
}

// With a custom endpoint (an emulator, a local or private endpoint) the region only signs requests: any name made of
// lower-case letters and digits in dash-separated parts. Without one it names the AWS host, so it must be an AWS
// region (`isAwsRegion`, the check the components and the doctor use too).
const SIGNING_REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// Bedrock API keys are base64-ish text; whitespace or a control character could split the Authorization header.
// eslint-disable-next-line no-control-regex
const BEARER_TOKEN_FORBIDDEN = /[\s\x00-\x1F\x7F]/;
// A host variable's name, as the component layer accepts it.
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,255}$/;

/**
 * Merges `defaults` under `config`, validates every field and fills the defaults, for a client of `service` (default
 * `'bedrock-runtime'`). Throws {@link ConfigValidationError}.
 */
export function normalizeConfig(
  config: ClientConfig,
  defaults: Partial<ClientConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
  service: BedrockService = DEFAULT_BEDROCK_SERVICE,
): NormalizedClientConfig {
  validateService(service);
  if (config === null || typeof config !== 'object') {
    throw new ConfigValidationError('config', `expected an object, got ${describe(config)}`, 'a ClientConfig object');
  }
  const region = config.region ?? defaults.region;
  const customEndpoint = (config.endpoint ?? defaults.endpoint) !== undefined;
  if (typeof region !== 'string' || !(customEndpoint ? SIGNING_REGION.test(region) : isAwsRegion(region))) {
    throw new ConfigValidationError('region', `expected an AWS region name, got ${describe(region)}`, 'a region such as "us-east-1"');
  }
  const given = normalizeEndpoint(config.endpoint ?? defaults.endpoint);
  const endpoint = given === undefined ? undefined : serviceEndpoint(given, service);
  const target = endpoint ? parseTarget(endpoint) : { protocol: 'https:' as const, hostname: regionalServiceHost(service, region), port: 443 };
  const credentials = validateCredentials(config.credentials ?? defaults.credentials ?? { kind: 'default' });
  if (credentials.kind === 'bearer' && !serviceAcceptsBearer(service)) {
    throw new ConfigValidationError(
      'credentials',
      `${service} does not take a Bedrock API key (its SDK client signs requests with SigV4 only)`,
      'access keys, an AWS profile or the default credential chain',
    );
  }
  const transport = config.transport ?? defaults.transport ?? DEFAULT_TRANSPORT;
  if (transport !== 'http1' && transport !== 'http2') {
    throw new ConfigValidationError('transport', `got ${describe(transport)}`, '"http1" or "http2"');
  }
  const tls = { ...defaults.tls, ...config.tls };
  const ca = tls.ca === undefined ? undefined : Array.isArray(tls.ca) ? tls.ca : [tls.ca];
  if (ca?.some((entry) => typeof entry !== 'string' && !Buffer.isBuffer(entry))) {
    throw new ConfigValidationError('tls.ca', 'expected PEM text or a Buffer', 'a string, a Buffer or an array of them');
  }
  if (tls.rejectUnauthorized !== undefined && typeof tls.rejectUnauthorized !== 'boolean') {
    throw new ConfigValidationError('tls.rejectUnauthorized', `got ${describe(tls.rejectUnauthorized)}`, 'true or false');
  }
  const proxyOption = config.proxy !== undefined ? config.proxy : defaults.proxy;
  if (proxyOption !== undefined && proxyOption !== false) validateProxyUrl(proxyOption, 'proxy');
  // Proxies tunnel https only (CONNECT + TLS); an http:// endpoint (loopback or allowedHttpHosts) is reached directly.
  const proxy = target.protocol === 'https:' ? resolveProxy(proxyOption, target.hostname, target.port, env) : undefined;
  if (proxy !== undefined) validateProxyUrl(proxy, proxyOption === undefined ? 'proxy (from HTTPS_PROXY)' : 'proxy');
  if (proxy !== undefined && transport === 'http2') {
    throw new ConfigValidationError('proxy', 'the http2 transport cannot tunnel through an HTTPS proxy', 'transport "http1" with a proxy, or proxy: false with "http2"');
  }
  const http = { ...defaults.http, ...config.http };
  const retry = { ...defaults.retry, ...config.retry };
  const mode = retry.mode ?? DEFAULT_RETRY_MODE;
  if (mode !== 'adaptive' && mode !== 'standard' && mode !== 'legacy') {
    throw new ConfigValidationError('retry.mode', `got ${describe(mode)}`, '"adaptive", "standard" or "legacy"');
  }
  return {
    service,
    region,
    endpoint,
    target,
    credentials,
    transport,
    tls: { ca, rejectUnauthorized: tls.rejectUnauthorized ?? true },
    proxy,
    http: {
      maxSockets: positiveInteger('http.maxSockets', http.maxSockets, DEFAULT_MAX_SOCKETS),
      connectTimeoutMs: positiveInteger('http.connectTimeoutMs', http.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
      requestTimeoutMs: http.requestTimeoutMs === undefined ? undefined : timeoutMs('http.requestTimeoutMs', http.requestTimeoutMs, 0),
      generationTimeoutMs: timeoutMs('http.generationTimeoutMs', http.generationTimeoutMs, DEFAULT_GENERATION_TIMEOUT_MS),
      streamSilenceTimeoutMs: timeoutMs('http.streamSilenceTimeoutMs', http.streamSilenceTimeoutMs, DEFAULT_STREAM_SILENCE_TIMEOUT_MS),
      embeddingTimeoutMs: timeoutMs('http.embeddingTimeoutMs', http.embeddingTimeoutMs, DEFAULT_EMBEDDING_TIMEOUT_MS),
      otherTimeoutMs: timeoutMs('http.otherTimeoutMs', http.otherTimeoutMs, DEFAULT_OTHER_TIMEOUT_MS),
      keepAliveMsecs: positiveInteger('http.keepAliveMsecs', http.keepAliveMsecs, DEFAULT_KEEP_ALIVE_MSECS),
      idleSocketTimeoutMs: positiveInteger('http.idleSocketTimeoutMs', http.idleSocketTimeoutMs, DEFAULT_IDLE_SOCKET_TIMEOUT_MS),
    },
    retry: {
      mode,
      maxAttempts: positiveInteger('retry.maxAttempts', retry.maxAttempts, DEFAULT_MAX_ATTEMPTS),
      afterWrite: booleanOr('retry.afterWrite', retry.afterWrite, DEFAULT_RETRY_AFTER_WRITE),
    },
  };
}

function normalizeEndpoint(endpoint: unknown): string | undefined {
  if (endpoint === undefined) return undefined;
  if (typeof endpoint !== 'string' || !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new ConfigValidationError('endpoint', `expected an http(s) URL, got ${describe(endpoint)}`, 'a URL such as "https://bedrock-runtime.us-east-1.amazonaws.com"');
  }
  try {
    new URL(endpoint);
  } catch {
    throw new ConfigValidationError('endpoint', 'not a parseable URL', 'a URL such as "https://127.0.0.1:4000"');
  }
  return endpoint.replace(/\/+$/, '');
}

function parseTarget(endpoint: string): NormalizedClientConfig['target'] {
  const url = new URL(endpoint);
  const protocol = url.protocol === 'http:' ? 'http:' : 'https:';
  return { protocol, hostname: url.hostname, port: url.port ? Number(url.port) : protocol === 'https:' ? 443 : 80 };
}

function validateCredentials(source: CredentialSource): CredentialSource {
  if (source === null || typeof source !== 'object') {
    throw new ConfigValidationError('credentials', `expected an object, got ${describe(source)}`, '{ kind: "static" | "bearer" | "profile" | "default", … }');
  }
  switch (source.kind) {
    case 'static':
      // Never echo the key id: it may be a host variable's value.
      if (typeof source.accessKeyId !== 'string' || source.accessKeyId.trim().length === 0) {
        throw new ConfigValidationError('credentials.accessKeyId', 'missing, empty or whitespace only', 'a non-empty access key id');
      }
      // Never echo the value of a secret field, only its type.
      if (typeof source.secretAccessKey !== 'string' || source.secretAccessKey.length === 0) {
        throw new ConfigValidationError('credentials.secretAccessKey', 'missing or empty', 'a non-empty string');
      }
      if (source.sessionToken !== undefined && typeof source.sessionToken !== 'string') {
        throw new ConfigValidationError('credentials.sessionToken', 'not a string', 'a string or undefined');
      }
      validateOrigin(source.origin);
      return source;
    case 'bearer':
      // Never echo the token, only what is wrong with it.
      if (typeof source.token !== 'string' || source.token.length === 0) {
        throw new ConfigValidationError('credentials.token', 'missing or empty', 'a non-empty Bedrock API key');
      }
      if (BEARER_TOKEN_FORBIDDEN.test(source.token)) {
        throw new ConfigValidationError('credentials.token', 'contains whitespace or a control character', 'a Bedrock API key without whitespace or control characters');
      }
      validateOrigin(source.origin);
      return source;
    case 'profile':
      // Never echo the name: it may be a host variable's value.
      if (typeof source.profile !== 'string' || source.profile.trim().length === 0) {
        throw new ConfigValidationError('credentials.profile', 'missing, empty or whitespace only', 'a non-empty profile name');
      }
      validateOrigin(source.nameOrigin, 'credentials.nameOrigin');
      if (source.nameVariable !== undefined && (typeof source.nameVariable !== 'string' || !VARIABLE_NAME.test(source.nameVariable))) {
        throw new ConfigValidationError('credentials.nameVariable', 'is not a variable name', 'a variable name (letters, digits, _ . -), or undefined');
      }
      if (source.configFile !== undefined) nonEmptyString('credentials.configFile', source.configFile);
      if (source.credentialsFile !== undefined) nonEmptyString('credentials.credentialsFile', source.credentialsFile);
      return source;
    case 'default':
      return source;
    default:
      throw new ConfigValidationError('credentials.kind', `got ${describe((source as { kind?: unknown }).kind)}`, '"static", "bearer", "profile" or "default"');
  }
}

function validateOrigin(origin: unknown, field = 'credentials.origin'): void {
  if (origin !== undefined && origin !== 'node' && origin !== 'host') {
    throw new ConfigValidationError(field, `got ${describe(origin)}`, '"node", "host" or undefined');
  }
}

function validateProxyUrl(proxy: unknown, field: string): void {
  if (typeof proxy !== 'string' || !/^https?:\/\/[^/]/.test(proxy)) {
    throw new ConfigValidationError(field, 'expected an http(s) proxy URL', 'a URL such as "http://proxy.internal:3128", or false');
  }
}

function nonEmptyString(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new ConfigValidationError(field, `expected a non-empty string, got ${describe(value)}`, 'a non-empty string');
  }
}

function positiveInteger(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigValidationError(field, `got ${describe(value)}`, 'a positive integer');
  }
  return value;
}

function timeoutMs(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    throw new ConfigValidationError(field, `got ${describe(value)}`, `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (60 min)`);
  }
  return value;
}

function booleanOr(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ConfigValidationError(field, `got ${describe(value)}`, 'true or false');
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') {
    // A secret pasted into the wrong field must not be echoed back.
    const safe = redactSecrets(value);
    return JSON.stringify(safe.length > 60 ? `${safe.slice(0, 60)}…` : safe);
  }
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
