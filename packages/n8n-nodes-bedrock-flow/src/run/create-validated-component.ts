import { ComponentValidationError, createComponent, type ComponentContext, type ValidationIssue } from '@bedrock-flow/component';
import type { AnyComponentDefinition } from '../parameters/component-manifest';

/**
 * `createComponent` (the component's own validation), with the problems found earlier by the node (credential,
 * JSON text, stop sequences) reported in the SAME error: one `ComponentValidationError` naming every bad field,
 * thrown before any network call.
 */
export function createValidatedComponent<D extends AnyComponentDefinition>(
  definition: D,
  ctx: ComponentContext,
  raw: Readonly<Record<string, unknown>>,
  earlier: readonly ValidationIssue[],
): ReturnType<typeof createComponent<D['inputs'], D['methods']>> {
  let instance;
  try {
    instance = createComponent(definition, ctx, raw);
  } catch (error) {
    if (error instanceof ComponentValidationError && earlier.length > 0) {
      throw new ComponentValidationError(definition.name, [...earlier, ...error.issues]);
    }
    throw error;
  }
  if (earlier.length > 0) throw new ComponentValidationError(definition.name, earlier);
  return instance as never;
}
