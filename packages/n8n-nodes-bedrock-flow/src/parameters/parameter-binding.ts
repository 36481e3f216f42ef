/**
 * One n8n parameter bound to one component input: the node reads `parameter` (top level, or inside the "Options"
 * collection) and hands its value to the component as `input`, where it is validated.
 */
export interface ParameterBinding {
  /** n8n parameter name, e.g. `maxTokens`. */
  parameter: string;
  /** Component input name, e.g. `max_tokens`. */
  input: string;
  /** Label the user sees (for error messages), e.g. `Options › Max Tokens`. Filled in by the property builder. */
  label?: string;
}
