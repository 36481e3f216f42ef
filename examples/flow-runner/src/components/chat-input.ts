import type { LocalComponent } from './local-component';
import { messageText } from './message-text';

/** The files of a ChatInput (Langflow's `files` input: a list of stored file paths, or data), when there are any. */
function filesOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

/**
 * Langflow's `ChatInput`: output `message` is the `input_value` text (the user's question); with `files` (Langflow
 * stores Playground attachments as `<flow id>/<file name>` paths) it is the Langflow-style message `{ text, files }`,
 * which the chat components send as image / document blocks (paths read only inside the host's `fileRoots`).
 */
export const chatInput: LocalComponent = {
  name: 'ChatInput',
  outputs: {
    message: (values) => {
      const text = messageText(values['input_value']);
      const files = filesOf(values['files']);
      return files ? { text, files } : text;
    },
  },
};
