import type { LocalComponent } from './local-component';
import { messageText } from './message-text';

/** Langflow's `ChatInput`: output `message` is the `input_value` text (the user's question). */
export const chatInput: LocalComponent = {
  name: 'ChatInput',
  outputs: { message: (values) => messageText(values['input_value']) },
};
