import type { BaseMessage } from '@langchain/core/messages';
import { buildChatMessages } from '@bedrock-flow/component';
import { COMPONENT_NAME } from './component-name';
import type { ConverseValues } from './converse-inputs';
import { VALIDATION_ERROR_PREFIX } from './errors/error-prefixes';

/**
 * `[SystemMessage?, HumanMessage]` from `system_message` and `input_value`. An empty input is a validation error
 * (`ChatBedrockConverse validation error: …`) before any call (Converse needs a user turn).
 */
export function buildMessages(values: ConverseValues): BaseMessage[] {
  return buildChatMessages(values, { component: COMPONENT_NAME, prefix: VALIDATION_ERROR_PREFIX });
}
