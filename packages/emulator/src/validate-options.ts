import { EmulatorOptionsError } from './errors/emulator-options-error';
import type { EmulatorOptions } from './types';

function nonNegative(field: string, value: number | undefined): void {
  if (value !== undefined && !(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
    throw new EmulatorOptionsError(field, `must be a finite number >= 0, got ${String(value)}`);
  }
}

/** Checks option types and ranges. */
export function validateEmulatorOptions(options: EmulatorOptions): void {
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535)) {
    throw new EmulatorOptionsError('port', `must be an integer 0..65535, got ${String(options.port)}`);
  }
  nonNegative('rttMs', options.rttMs);
  nonNegative('serverDelayMs', options.serverDelayMs);
  nonNegative('streamChunkDelayMs', options.streamChunkDelayMs);
  if (options.auth !== undefined && options.auth !== 'sigv4' && options.auth !== 'none') {
    throw new EmulatorOptionsError('auth', `must be 'sigv4' or 'none', got ${String(options.auth)}`);
  }
  for (const [i, c] of (options.credentials ?? []).entries()) {
    if (!c || typeof c.accessKeyId !== 'string' || !c.accessKeyId || typeof c.secretAccessKey !== 'string' || !c.secretAccessKey) {
      throw new EmulatorOptionsError(`credentials[${i}]`, 'needs a non-empty accessKeyId and secretAccessKey');
    }
  }
}
