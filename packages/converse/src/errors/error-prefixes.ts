/** Langflow's message prefix for bad inputs: `ChatBedrockConverse validation error: …`. */
export const VALIDATION_ERROR_PREFIX = 'ChatBedrockConverse validation error: ';
/** Langflow's message prefix for a failed model call: `Converse API error: …`. */
export const CONVERSE_API_ERROR_PREFIX = 'Converse API error: ';
/** Langflow's message prefix for a failed build: `Could not initialize ChatBedrockConverse: …`. */
export const INITIALIZATION_ERROR_PREFIX = 'Could not initialize ChatBedrockConverse: ';
