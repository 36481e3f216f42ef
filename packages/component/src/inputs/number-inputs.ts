import { z } from 'zod';
import { baseUi, createInputSpec, InputProblem, UNSET } from './create-input-spec';
import type { BaseInputOptions, InputSpec } from './input-spec';

/** Options of {@link floatInput} and {@link intInput}. */
export interface NumberInputOptions extends BaseInputOptions {
  /** Default value. Default none (unset). */
  default?: number;
  /** Smallest allowed value (inclusive). Default none. */
  min?: number;
  /** Largest allowed value (inclusive). Default none. */
  max?: number;
  /** Added to what the error says is allowed, e.g. where wider values go. Default none. */
  allowedNote?: string;
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** `null`/`""` -> unset; a numeric string -> its number (hosts send tweaks as text); anything else as is. */
function normalizeNumber(raw: unknown): unknown {
  if (raw === null || raw === '') return UNSET;
  if (typeof raw === 'string') return NUMERIC.test(raw) ? Number(raw) : new InputProblem('is not a number');
  return raw;
}

function describeRange(noun: string, min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (min !== undefined) return `${noun} >= ${min}`;
  if (max !== undefined) return `${noun} <= ${max}`;
  return noun;
}

function numberSpec(kind: 'FloatInput' | 'IntInput', options: NumberInputOptions): InputSpec<number | undefined> {
  let schema = kind === 'IntInput' ? z.number().int() : z.number();
  if (options.min !== undefined) schema = schema.min(options.min);
  if (options.max !== undefined) schema = schema.max(options.max);
  return createInputSpec<number | undefined>({
    kind,
    ui: baseUi(options),
    defaultValue: options.default,
    schema,
    allowed: describeRange(kind === 'IntInput' ? 'an integer' : 'a number', options.min, options.max) + (options.allowedNote ? `; ${options.allowedNote}` : ''),
    normalize: normalizeNumber,
  });
}

/** A decimal number field (Langflow `FloatInput`). Value: `number | undefined` (`null` or `""` unsets it). */
export function floatInput(options: NumberInputOptions): InputSpec<number | undefined> {
  return numberSpec('FloatInput', options);
}

/** An integer field (Langflow `IntInput`). Value: `number | undefined` (`null` or `""` unsets it). */
export function intInput(options: NumberInputOptions): InputSpec<number | undefined> {
  return numberSpec('IntInput', options);
}
