import { timeoutInput, toClientConfig, MAX_TIMEOUT_SECONDS } from '../src';

const resolve = () => undefined;

describe('timeout input: the node wait in seconds, empty = each call type default', () => {
  const spec = timeoutInput();

  test('advanced FloatInput "Timeout" with no default', () => {
    expect(spec.kind).toBe('FloatInput');
    expect(spec.ui).toMatchObject({ displayName: 'Timeout', advanced: true, required: false });
    expect(spec.defaultValue).toBeUndefined();
    expect(MAX_TIMEOUT_SECONDS).toBe(3_600);
  });

  test.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    [120, 120],
    ['2.5', 2.5],
    [0.001, 0.001],
    [3_600, 3_600],
  ])('%p is accepted as %p', (raw, value) => {
    expect(spec.parse(raw, resolve)).toEqual({ ok: true, value });
  });

  test.each([[-1], [0], [Number.NaN], [Number.POSITIVE_INFINITY], [3_601], ['ten'], [true], [{}]])('%p is refused, saying what is allowed', (raw) => {
    const result = spec.parse(raw, resolve);
    expect(result.ok).toBe(false);
    expect(spec.allowed).toBe('a number from 0.001 to 3600; seconds (at most 60 min); empty for the default of each call type');
  });

  test('toClientConfig turns seconds into the pool http.requestTimeoutMs, and leaves it out when unset', () => {
    expect(toClientConfig({ timeout: 2.5 }, { env: {} }).http).toEqual({ requestTimeoutMs: 2_500 });
    expect(toClientConfig({ timeout: 0.0004 }, { env: {} }).http).toEqual({ requestTimeoutMs: 1 });
    expect(toClientConfig({}, { env: {} }).http).toBeUndefined();
    expect(toClientConfig({ timeout: 90 }, { env: {} }, { extra: { http: { maxSockets: 4 } } }).http).toEqual({ maxSockets: 4, requestTimeoutMs: 90_000 });
  });
});
