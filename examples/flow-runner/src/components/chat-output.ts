import type { LocalComponent } from './local-component';
import { messageText } from './message-text';

/** Langflow's `ChatOutput`: output `message` is the text of what reaches `input_value` (the flow's answer). */
export const chatOutput: LocalComponent = {
  name: 'ChatOutput',
  outputs: { message: (values) => messageText(values['input_value']) },
};
