import type { EmulatorOptionIssue } from '../errors/emulator-options-error';
import { describeValue, isRecord } from './describe-value';

/**
 * Collects option problems, so one error can name every bad field. Each check leaves `undefined`
 * alone (every option is optional) and records what was wrong and what is allowed.
 */
export class OptionChecks {
  readonly issues: EmulatorOptionIssue[] = [];

  /** Records one problem: the field and what was wrong (with what is allowed). */
  add(field: string, problem: string): void {
    this.issues.push({ field, problem });
  }

  /** A finite number >= `min` (and <= `max`); with `integer`, a whole number. `Infinity` only with `allowInfinity`. */
  number(field: string, value: unknown, rule: { min?: number; max?: number; integer?: boolean; allowInfinity?: boolean } = {}): void {
    if (value === undefined) return;
    const { min = 0, max, integer = false, allowInfinity = false } = rule;
    const ok =
      typeof value === 'number' &&
      !Number.isNaN(value) &&
      (Number.isFinite(value) ? (!integer || Number.isInteger(value)) : allowInfinity && value === Infinity) &&
      value >= min &&
      (max === undefined || value <= max);
    if (ok) return;
    const kind = integer ? 'an integer' : 'a finite number';
    const range = max === undefined ? `>= ${min}` : `${min}..${max}`;
    this.add(field, `must be ${kind} ${range}${allowInfinity ? ' (or Infinity)' : ''}, got ${describeValue(value)}`);
  }

  /** `true` or `false`. */
  boolean(field: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.add(field, `must be true or false, got ${describeValue(value)}`);
  }

  /** A non-empty string; `secret` keeps its content out of the message. */
  string(field: string, value: unknown, secret = false): void {
    if (value !== undefined && (typeof value !== 'string' || value === '')) this.add(field, `must be a non-empty string, got ${describeValue(value, secret)}`);
  }

  /** One of the `allowed` values (compared with `===`). */
  oneOf(field: string, value: unknown, allowed: readonly unknown[]): void {
    if (value !== undefined && !allowed.includes(value)) {
      this.add(field, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describeValue(value)}`);
    }
  }

  /** A plain object whose keys are all in `allowed`; returns it when it is one. */
  record(field: string, value: unknown, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    if (!isRecord(value)) {
      this.add(field, `must be an object, got ${describeValue(value)}`);
      return undefined;
    }
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    for (const key of unknown) this.add(`${field ? `${field}.` : ''}${key}`, `is not an option; allowed: ${allowed.join(', ')}`);
    return value;
  }

  /** An array (`what` says of what, for the message); returns it when it is one. `secret` keeps a string's content out of the message. */
  array(field: string, value: unknown, what: string, secret = false): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.add(field, `must be an array of ${what}, got ${describeValue(value, secret)}`);
      return undefined;
    }
    return value;
  }
}
