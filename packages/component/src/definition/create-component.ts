import { inspect, type InspectOptions } from 'node:util';
import type { InputSpecs, InputValues } from '../inputs/input-spec';
import { createVariableResolver } from '../secrets/variable-resolver';
import { validateInputs } from '../validation/validate-inputs';
import type { ComponentContext } from './component-context';
import type { ComponentDefinition, ComponentMethod } from './component-definition';
import { warnMisplacedInputs } from './warn-misplaced-inputs';

/** Options of {@link createComponent}. */
export interface CreateComponentOptions {
  /**
   * `'ignore'` (default, like Langflow tweaks) or `'reject'` raw values for undeclared inputs. Undeclared names that
   * look like credentials are rejected either way.
   */
  unknownInputs?: 'ignore' | 'reject';
}

type BoundMethods<M> = {
  [K in keyof M]: M[K] extends (ctx: ComponentContext, values: never, ...rest: infer R) => infer Out
    ? (...rest: R) => Out
    : never;
};

/**
 * A built component: the validated values, the context, and every output method bound to them
 * (`instance.text_response()`, `instance.build_model()`).
 */
export type ComponentInstance<I extends InputSpecs, M extends Record<string, ComponentMethod<I>>> = BoundMethods<M> & {
  /** The definition it was built from. */
  readonly definition: ComponentDefinition<I, M>;
  /** Validated input values (secrets as redacting `Secret`s). */
  readonly values: InputValues<I>;
  /** The build context. */
  readonly context: ComponentContext;
  /** Calls the method of the output named `outputName` (e.g. `text_output`). */
  output(outputName: string, options?: unknown): unknown;
};

/**
 * Validates `rawValues` against the definition (ONE `ComponentValidationError` listing every bad field, before any
 * network call) and returns an instance whose output methods are bound to the context and values.
 * Secret variables resolve from `ctx.variables`, then `ctx.env` (default `process.env`).
 */
export function createComponent<I extends InputSpecs, M extends Record<string, ComponentMethod<I>>>(
  definition: ComponentDefinition<I, M>,
  ctx: ComponentContext,
  rawValues: Readonly<Record<string, unknown>> = {},
  options: CreateComponentOptions = {},
): ComponentInstance<I, M> {
  const resolve = createVariableResolver(ctx.variables, ctx.env === undefined ? {} : { env: ctx.env });
  // Frozen: Langflow may call build_model twice, concurrently; no method may change what the other sees.
  const values = Object.freeze(validateInputs(definition.inputs, rawValues, resolve, {
    component: definition.name,
    ...(definition.validationErrorPrefix === undefined ? {} : { errorPrefix: definition.validationErrorPrefix }),
    ...(options.unknownInputs === undefined ? {} : { unknownInputs: options.unknownInputs }),
    ...(definition.legacyFields === undefined ? {} : { legacyFields: definition.legacyFields }),
  }));
  if (options.unknownInputs !== 'reject') {
    warnMisplacedInputs(definition.name, definition.inputs, ctx, rawValues, { legacyFields: definition.legacyFields, hint: definition.misplacedInputHint });
  }
  const instance: Record<string, unknown> = {};
  for (const [methodName, method] of Object.entries(definition.methods)) {
    instance[methodName] = (methodOptions?: unknown) => method(ctx, values, methodOptions);
  }
  Object.defineProperties(instance, {
    definition: { value: definition, enumerable: false },
    values: { value: values, enumerable: true },
    context: { value: ctx, enumerable: false },
    // The context holds the host's variables and environment (every secret a flow could name): an inspected or
    // logged node shows its identity and its (self-redacting) values, never the context.
    [Symbol.for('nodejs.util.inspect.custom')]: {
      enumerable: false,
      value: (_depth: number, options: InspectOptions) => `${definition.name}(${ctx.graphId}/${ctx.nodeId}) ${inspect(values, options)}`,
    },
    output: {
      enumerable: false,
      value: (outputName: string, methodOptions?: unknown) => {
        const output = definition.outputs.find((candidate) => candidate.name === outputName);
        if (!output) {
          throw new RangeError(`${definition.name} has no output "${outputName}" (outputs: ${definition.outputs.map((o) => o.name).join(', ')})`);
        }
        return definition.methods[output.method]!(ctx, values, methodOptions);
      },
    },
  });
  return instance as ComponentInstance<I, M>;
}
