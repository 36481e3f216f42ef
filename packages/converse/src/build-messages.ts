import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ComponentValidationError } from '@bedrock-flow/component';
import { COMPONENT_NAME } from './component-name';
import type { ConverseValues } from './converse-inputs';
import { VALIDATION_ERROR_PREFIX } from './errors/error-prefixes';

/**
 * `[SystemMessage?, HumanMessage]` from `system_message` and `input_value`. An empty input is a validation error
 * before any call (Converse needs a user turn).
 */
export function buildMessages(values: ConverseValues): BaseMessage[] {
  if (!values.input_value) {
    throw new ComponentValidationError(
      COMPONENT_NAME,
      [{ field: 'input_value', problem: 'is empty: the message you want to send to the model is empty', allowed: 'a non-empty message' }],
      { prefix: VALIDATION_ERROR_PREFIX },
    );
  }
  const messages: BaseMessage[] = [];
  if (values.system_message) messages.push(new SystemMessage(values.system_message));
  messages.push(new HumanMessage(values.input_value));
  return messages;
}
