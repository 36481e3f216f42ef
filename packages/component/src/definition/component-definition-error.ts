import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/** Error code of {@link ComponentDefinitionError}. */
export const COMPONENT_DEFINITION_ERROR_CODE = 'ERR_COMPONENT_DEFINITION_INVALID';

/** Thrown when a component definition is inconsistent (bad name, unknown output method, duplicate registration). */
export class ComponentDefinitionError extends BedrockFlowError {
  declare readonly code: typeof COMPONENT_DEFINITION_ERROR_CODE;
  /** Name of the component concerned. */
  readonly component: string;

  constructor(component: string, message: string) {
    super(COMPONENT_DEFINITION_ERROR_CODE, `Component ${component}: ${message}`);
    this.component = component;
  }
}
