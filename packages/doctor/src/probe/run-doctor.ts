import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { BedrockPool, DEFAULT_IDLE_TTL_MS, DEFAULT_MAX_SLOTS, normalizeConfig, type ClientConfig, type ClientLease } from '@bedrock-flow/bedrock-pool';
import { describeModelId, type ModelIdDescription } from '../model/describe-model-id';
import type { DoctorOptions } from '../options/doctor-options';
import { callTiming, type CallTiming } from '../timing/call-timing';
import { recordRequestTimelines, type TimelineRecorder } from '../timing/request-timeline';

/** The pool settings a component's client gets with these flags (secret-free). */
export interface PoolSettingsInForce {
  endpoint: string;
  transport: 'http1' | 'http2';
  credentialSource: string;
  maxSockets: number;
  connectTimeoutMs: number;
  /** The waits by operation, ms; `requestTimeoutMs` (one wait for every call) when the config sets it. */
  waits: { requestTimeoutMs: number | undefined; generationMs: number; streamSilenceMs: number; embeddingMs: number; otherMs: number };
  /** Unused pooled connections are closed after this, ms. */
  idleSocketTimeoutMs: number;
  retryMode: string;
  maxAttempts: number;
  /** Whether a generation that failed after its request was sent is retried (`retry.afterWrite`). */
  retryAfterWrite: boolean;
  idleTtlMs: number;
  maxSlots: number;
  /** Whether requests go through an HTTPS proxy (from `HTTPS_PROXY`); its URL is not shown, it may hold a password. */
  proxied: boolean;
  extraCa: boolean;
}

/** Everything `bedrock-flow doctor` found. Plain JSON. */
export interface DoctorReport {
  region: string;
  model: ModelIdDescription;
  settings: PoolSettingsInForce;
  /** First call: new connection, first credential resolution. */
  cold: CallTiming;
  /** Second call on the same pooled client: kept-alive socket, memoized credentials. */
  warm: CallTiming;
  /** Credential resolutions the pool made (the cold call's; the warm call should add none). */
  credentialResolutions: number;
  /** Connections the pool opened over both calls (1 when keep-alive works). */
  connectionsOpened: number;
}

/**
 * Runs two Converse calls (one token) through a fresh `BedrockPool` lease, as a bedrock-flow
 * component would, and times each phase from Node's HTTP client diagnostics channel. A failed call
 * (no model access, wrong region) still yields its timings and the error in `outcome`.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const config: ClientConfig = {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    credentials: options.profile ? { kind: 'profile', profile: options.profile } : { kind: 'default' },
    ...(options.ca ? { tls: { ca: options.ca } } : {}),
  };
  const settings = settingsInForce(config);
  // The person running the doctor typed the endpoint and owns the credentials it probes with: the multi-user
  // endpoint policy (host credentials only to AWS and loopback) is for flows, not for this single-user CLI.
  const pool = new BedrockPool({ openTelemetry: false, endpointPolicy: { allowAnyEndpoint: true } });
  const recorder = recordRequestTimelines();
  try {
    const lease = pool.acquire({ graphId: 'bedrock-flow-doctor', nodeId: 'doctor' }, config);
    const target = new URL(settings.endpoint);
    const hostIsIp = isIP(target.hostname.replace(/^\[|\]$/g, '')) !== 0;
    const https = target.protocol === 'https:';
    const cold = await timedCall(lease, options.model, recorder, hostIsIp, https);
    const warm = await timedCall(lease, options.model, recorder, hostIsIp, https);
    const totals = pool.metrics().totals;
    return {
      region: options.region,
      model: describeModelId(options.model),
      settings,
      cold,
      warm,
      credentialResolutions: totals.credentialResolutions,
      connectionsOpened: totals.connectionsOpened,
    };
  } finally {
    recorder.stop();
    await pool.close();
  }
}

async function timedCall(lease: ClientLease, modelId: string, recorder: TimelineRecorder, hostIsIp: boolean, https: boolean): Promise<CallTiming> {
  recorder.take();
  const started = performance.now();
  let outcome = 'ok';
  try {
    await lease.client.send(
      new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'ping' }] }], inferenceConfig: { maxTokens: 1 } }),
    );
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
    outcome = `${e.name ?? 'Error'}${status}: ${e.message ?? String(error)}`;
  }
  const settled = performance.now();
  return callTiming(recorder.take(), started, settled, outcome, hostIsIp, https);
}

/** The settings a lease with `config` runs on: the pool's defaults filled in (secret-free). */
export function settingsInForce(config: ClientConfig): PoolSettingsInForce {
  const normalized = normalizeConfig(config);
  const { protocol, hostname, port } = normalized.target;
  const credentials = normalized.credentials;
  return {
    endpoint: `${protocol}//${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    transport: normalized.transport,
    credentialSource:
      credentials.kind === 'profile' ? `profile "${credentials.profile}"`
      : credentials.kind === 'static' ? 'static keys'
      : credentials.kind === 'bearer' ? 'Bedrock API key (bearer)'
      : 'default chain (env, SSO, ini, process, web identity, ECS, IMDS)',
    maxSockets: normalized.http.maxSockets,
    connectTimeoutMs: normalized.http.connectTimeoutMs,
    waits: {
      requestTimeoutMs: normalized.http.requestTimeoutMs,
      generationMs: normalized.http.generationTimeoutMs,
      streamSilenceMs: normalized.http.streamSilenceTimeoutMs,
      embeddingMs: normalized.http.embeddingTimeoutMs,
      otherMs: normalized.http.otherTimeoutMs,
    },
    idleSocketTimeoutMs: normalized.http.idleSocketTimeoutMs,
    retryMode: normalized.retry.mode,
    maxAttempts: normalized.retry.maxAttempts,
    retryAfterWrite: normalized.retry.afterWrite,
    idleTtlMs: DEFAULT_IDLE_TTL_MS,
    maxSlots: DEFAULT_MAX_SLOTS,
    proxied: normalized.proxy !== undefined,
    extraCa: normalized.tls.ca !== undefined,
  };
}
