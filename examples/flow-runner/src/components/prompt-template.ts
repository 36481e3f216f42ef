import { FlowError } from '../flow/flow-error';
import type { LocalComponent } from './local-component';
import { messageText } from './message-text';

/**
 * Langflow's `Prompt`: output `prompt` is `template` with each `{name}` replaced by the input of
 * that name (Langflow adds one field per variable). A variable with no value is an error, not an
 * empty string, so a mis-wired flow fails loudly.
 */
export const promptTemplate: LocalComponent = {
  name: 'Prompt',
  outputs: {
    prompt: (values) => {
      const template = messageText(values['template']);
      return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
        if (values[name] === undefined) {
          throw new FlowError('FLOW_NODE_FAILED', `Prompt variable {${name}} has no value: connect an edge to field "${name}" or set it.`, name);
        }
        return messageText(values[name]);
      });
    },
  },
};
