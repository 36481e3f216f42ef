import * as pool from '../src';
import { BedrockPool, ConfigValidationError, normalizePoolOptions } from '../src';

describe('normalizePoolOptions', () => {
  test('applies the defaults of defaults.ts to every option left out', () => {
    const normalized = normalizePoolOptions();
    const expected: Array<[keyof typeof normalized, unknown]> = [
      ['idleTtlMs', pool.DEFAULT_IDLE_TTL_MS],
      ['maxSlots', pool.DEFAULT_MAX_SLOTS],
      ['releaseGraceMs', pool.DEFAULT_RELEASE_GRACE_MS],
      ['drainTimeoutMs', pool.DEFAULT_DRAIN_TIMEOUT_MS],
      ['warmConnections', pool.DEFAULT_WARM_CONNECTIONS],
      ['transportSharing', pool.DEFAULT_TRANSPORT_SHARING],
      ['credentialRefreshBeforeExpiryMs', 5 * 60_000],
      ['openTelemetry', true],
      ['defaults', {}],
    ];
    for (const [option, value] of expected) expect([option, normalized[option]]).toEqual([option, value]);
    expect(Object.keys(normalized).sort()).toEqual(expected.map(([option]) => option).sort());
    expect(pool.DEFAULT_CREDENTIAL_REFRESH_BEFORE_EXPIRY_MS).toBe(5 * 60_000);
  });

  test('refuses a transportSharing other than per-endpoint or per-slot, naming the option', () => {
    expect(() => normalizePoolOptions({ transportSharing: 'per-credential' as never })).toThrow(ConfigValidationError);
    expect(() => normalizePoolOptions({ transportSharing: 'per-credential' as never })).toThrow(/transportSharing/);
  });

  test('keeps 0 where 0 means something (idleTtlMs disables eviction, releaseGraceMs drains at once)', () => {
    expect(normalizePoolOptions({ idleTtlMs: 0, releaseGraceMs: 0, drainTimeoutMs: 0 })).toMatchObject({ idleTtlMs: 0, releaseGraceMs: 0, drainTimeoutMs: 0 });
  });

  test.each([
    ['maxSlots', 0, 'an integer >= 1'],
    ['warmConnections', 0, 'an integer >= 1'],
    ['maxSlots', 1.5, 'an integer >= 1'],
    ['idleTtlMs', -1, 'a non-negative integer (ms); 0 disables'],
    ['releaseGraceMs', '5000', 'a non-negative integer (ms)'],
    ['credentialRefreshBeforeExpiryMs', Number.NaN, 'a non-negative integer (ms)'],
    ['openTelemetry', 'yes', 'true or false'],
  ] as Array<[string, unknown, string]>)('refuses %s = %p with a ConfigValidationError naming it, in the pool constructor too', (field, value, allowed) => {
    for (const create of [() => normalizePoolOptions({ [field]: value }), () => new BedrockPool({ [field]: value, openTelemetry: field === 'openTelemetry' ? value : false } as never)]) {
      let error: unknown;
      try {
        create();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect(error).toMatchObject({ field, allowed, code: 'ERR_BEDROCK_POOL_INVALID_CONFIG' });
    }
  });
});
