import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ComponentValidationError } from '../validation/component-validation-error';

/** The inputs a chat message list is built from (Langflow's `input_value` and `system_message`). */
export interface ChatMessageValues {
  input_value?: string | undefined;
  system_message?: string | undefined;
}

/** Who reports an empty input: the component name and its validation message prefix (default none). */
export interface BuildChatMessagesOptions {
  /** Component name the validation error names. */
  component: string;
  /** Prefix of the validation error's message (e.g. `ChatBedrockConverse validation error: `). Default none. */
  prefix?: string;
}

/**
 * `[SystemMessage?, HumanMessage]` from `system_message` and `input_value`. An empty input is a
 * `ComponentValidationError` on `input_value` before any call (every Bedrock chat API needs a user turn).
 */
export function buildChatMessages(values: ChatMessageValues, options: BuildChatMessagesOptions): BaseMessage[] {
  if (!values.input_value) {
    throw new ComponentValidationError(
      options.component,
      [{ field: 'input_value', problem: 'is empty: the message you want to send to the model is empty', allowed: 'a non-empty message' }],
      options.prefix !== undefined ? { prefix: options.prefix } : {},
    );
  }
  const messages: BaseMessage[] = [];
  if (values.system_message) messages.push(new SystemMessage(values.system_message));
  messages.push(new HumanMessage(values.input_value));
  return messages;
}
