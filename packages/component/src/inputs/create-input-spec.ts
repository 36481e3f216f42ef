import type { z } from 'zod';
import type { InputKind } from './input-kind';
import type { InputParseResult, InputSpec, InputUi } from './input-spec';
import type { VariableResolver } from '../secrets/variable-resolver';

/** Marker a normaliser returns for an explicitly unset value (`null`, `""`). */
export const UNSET: unique symbol = Symbol('unset');

/** Fields of {@link createInputSpec}. */
export interface CreateInputSpecFields<T> {
  kind: InputKind;
  ui: InputUi;
  defaultValue?: unknown;
  schema: z.ZodType;
  allowed: string;
  secret?: boolean;
  /** Raw -> candidate value (coercion), {@link UNSET}, or a problem string. Default: `null`/`""` -> unset, else as is. */
  normalize?: (raw: unknown, resolve: VariableResolver) => unknown | typeof UNSET | InputProblem;
  /** Value when unset. Default `undefined`. */
  unsetValue?: T;
}

/** A normaliser's verdict that a raw value is unacceptable; `problem` never contains a secret. */
export class InputProblem {
  constructor(readonly problem: string) {}
}

/** First zod issue as a sentence. */
function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is invalid';
  const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${issue.message}${at}`;
}

/** Builds an {@link InputSpec} from a kind, UI metadata, a canonical schema and an optional normaliser. */
export function createInputSpec<T>(fields: CreateInputSpecFields<T>): InputSpec<T> {
  const normalize =
    fields.normalize ?? ((raw: unknown) => (raw === null || raw === '' ? UNSET : raw));
  // The last primitive candidate and its verdict: a saved flow rebuilds with the same values, and a schema is a pure
  // function of its input, so the zod run (a URL parse, a regex) is skipped. Never for secrets: no secret is kept.
  const memoize = !(fields.secret ?? false);
  let lastCandidate: unknown = UNSET;
  let lastResult: InputParseResult<T> | undefined;
  return {
    kind: fields.kind,
    ui: fields.ui,
    defaultValue: fields.defaultValue,
    schema: fields.schema,
    allowed: fields.allowed,
    secret: fields.secret ?? false,
    parse(raw: unknown, resolve: VariableResolver): InputParseResult<T> {
      if (raw === undefined) return { ok: true, value: fields.unsetValue as T };
      const candidate = normalize(raw, resolve);
      if (candidate === UNSET) return { ok: true, value: fields.unsetValue as T };
      if (candidate instanceof InputProblem) return { ok: false, problem: candidate.problem };
      const primitive = memoize && candidate !== null && typeof candidate !== 'object' && typeof candidate !== 'function';
      if (primitive && lastResult && Object.is(candidate, lastCandidate)) return lastResult;
      const result = fields.schema.safeParse(candidate);
      const parsed: InputParseResult<T> = result.success ? { ok: true, value: result.data as T } : { ok: false, problem: zodProblem(result.error) };
      if (primitive) {
        lastCandidate = candidate;
        lastResult = parsed;
      }
      return parsed;
    },
  };
}

/** UI metadata with the builder defaults filled in. */
export function baseUi(options: { displayName: string; info?: string; advanced?: boolean; required?: boolean; placeholder?: string }): InputUi {
  const ui: InputUi = { displayName: options.displayName, advanced: options.advanced ?? false, required: options.required ?? false };
  if (options.info !== undefined) ui.info = options.info;
  if (options.placeholder !== undefined) ui.placeholder = options.placeholder;
  return ui;
}
