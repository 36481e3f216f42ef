import type { BedrockPoolOptions } from '../pool/bedrock-pool-options';
import { ConfigValidationError } from '../errors/config-validation-error';
import type { ClientConfig } from './client-config';
import {
  DEFAULT_CREDENTIAL_REFRESH_BEFORE_EXPIRY_MS,
  DEFAULT_DRAIN_TIMEOUT_MS,
  DEFAULT_IDLE_TTL_MS,
  DEFAULT_MAX_SLOTS,
  DEFAULT_RELEASE_GRACE_MS,
  DEFAULT_TRANSPORT_SHARING,
  DEFAULT_WARM_CONNECTIONS,
} from './defaults';
import type { TransportSharing } from '../transport/shared-transport';

/** {@link BedrockPoolOptions} with every default applied and every value checked (logger and endpoint policy aside). */
export interface NormalizedPoolOptions {
  defaults: Partial<ClientConfig>;
  idleTtlMs: number;
  maxSlots: number;
  releaseGraceMs: number;
  drainTimeoutMs: number;
  warmConnections: number;
  credentialRefreshBeforeExpiryMs: number;
  openTelemetry: boolean;
  transportSharing: TransportSharing;
}

function integerAtLeast(field: string, value: unknown, min: number, fallback: number, allowed: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ConfigValidationError(field, `got ${String(value)}`, allowed);
  }
  return value;
}

/**
 * The pool's options resolved once, beside `normalizeConfig`: defaults from `defaults.ts`, and a
 * `ConfigValidationError` naming the option for a bad value (a `maxSlots` or `warmConnections` of 0 is refused, not
 * raised to 1).
 */
export function normalizePoolOptions(options: BedrockPoolOptions = {}): NormalizedPoolOptions {
  const ms = 'a non-negative integer (ms)';
  if (options.openTelemetry !== undefined && typeof options.openTelemetry !== 'boolean') {
    throw new ConfigValidationError('openTelemetry', `got ${String(options.openTelemetry)}`, 'true or false');
  }
  return {
    defaults: options.defaults ?? {},
    idleTtlMs: integerAtLeast('idleTtlMs', options.idleTtlMs, 0, DEFAULT_IDLE_TTL_MS, `${ms}; 0 disables`),
    maxSlots: integerAtLeast('maxSlots', options.maxSlots, 1, DEFAULT_MAX_SLOTS, 'an integer >= 1'),
    releaseGraceMs: integerAtLeast('releaseGraceMs', options.releaseGraceMs, 0, DEFAULT_RELEASE_GRACE_MS, ms),
    drainTimeoutMs: integerAtLeast('drainTimeoutMs', options.drainTimeoutMs, 0, DEFAULT_DRAIN_TIMEOUT_MS, ms),
    warmConnections: integerAtLeast('warmConnections', options.warmConnections, 1, DEFAULT_WARM_CONNECTIONS, 'an integer >= 1'),
    credentialRefreshBeforeExpiryMs: integerAtLeast(
      'credentialRefreshBeforeExpiryMs',
      options.credentialRefreshBeforeExpiryMs,
      0,
      DEFAULT_CREDENTIAL_REFRESH_BEFORE_EXPIRY_MS,
      ms,
    ),
    openTelemetry: options.openTelemetry ?? true,
    transportSharing: transportSharingOption(options.transportSharing),
  };
}

function transportSharingOption(value: unknown): TransportSharing {
  if (value === undefined) return DEFAULT_TRANSPORT_SHARING;
  if (value !== 'per-endpoint' && value !== 'per-slot') {
    throw new ConfigValidationError('transportSharing', `got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`, '"per-endpoint" or "per-slot"');
  }
  return value;
}
