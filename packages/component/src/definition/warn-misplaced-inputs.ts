import { isCredentialLikeField } from '../validation/credential-like-field';
import type { ComponentContext } from './component-context';
import { componentsWithInput } from './known-inputs';

/** Warnings already given, by node and input: a node rebuilt on every run warns once, not every run. */
const warned = new Set<string>();
/** Bound on {@link warned}: a long-lived host with many nodes forgets the oldest half (and may warn for them again). */
const MAX_WARNED = 10_000;

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** What a misplaced-input warning says, besides its message. Names only, never values. */
export interface MisplacedInputWarning {
  component: string;
  field: string;
  /** The components that have the input. */
  belongsTo: string[];
  graphId: string;
  nodeId: string;
}

/**
 * Warns, once per node and input, when `given` holds a value for an input this component does not have and another
 * component has (e.g. `temperature` given to `AmazonBedrockModel`, an input of `AmazonBedrockConverseModel`): the value
 * is ignored, as upstream does, and the warning names where it belongs, plus the component's own `hint`. Never quotes
 * the value. Goes to `ctx.logger.warn`, or to `process.emitWarning` when the host gave no logger.
 */
export function warnMisplacedInputs(
  component: string,
  inputs: Readonly<Record<string, unknown>>,
  ctx: ComponentContext,
  given: Readonly<Record<string, unknown>>,
  options: { legacyFields?: Readonly<Record<string, string>> | undefined; hint?: string | undefined } = {},
): void {
  for (const field of Object.keys(given)) {
    if (Object.prototype.hasOwnProperty.call(inputs, field) || Object.prototype.hasOwnProperty.call(options.legacyFields ?? {}, field)) continue;
    // Credential-like names are refused by validation; nothing to warn about.
    if (isCredentialLikeField(field) || !isGiven(given[field])) continue;
    const belongsTo = componentsWithInput(field, component);
    if (belongsTo.length === 0) continue;
    const key = `${ctx.graphId}\u0000${ctx.nodeId}\u0000${component}\u0000${field}`;
    if (warned.has(key)) continue;
    if (warned.size >= MAX_WARNED) for (const old of [...warned].slice(0, MAX_WARNED / 2)) warned.delete(old);
    warned.add(key);
    const message =
      `${component} has no input "${field}", so its value is ignored; "${field}" is an input of ${belongsTo.join(', ')}.` +
      (options.hint ? ` ${options.hint}` : '');
    const details: MisplacedInputWarning = { component, field, belongsTo, graphId: ctx.graphId, nodeId: ctx.nodeId };
    if (ctx.logger?.warn) ctx.logger.warn(message, { ...details });
    else process.emitWarning(message, { code: 'BEDROCK_FLOW_MISPLACED_INPUT', detail: `node ${ctx.graphId}/${ctx.nodeId}` });
  }
}
