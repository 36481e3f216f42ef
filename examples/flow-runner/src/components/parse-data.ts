import { FlowError } from '../flow/flow-error';
import type { LocalComponent } from './local-component';
import { messageText } from './message-text';

/**
 * Langflow's `ParseData` ("Data to Message"): output `text` is each item of `data` (a list of records, or one) written
 * through `template` (`{text}` by default; `{field}` takes that field of the item) and joined with `sep` (default a
 * blank line). A `{field}` the item does not have is an error, so a mis-wired flow fails loudly.
 */
export const parseData: LocalComponent = {
  name: 'ParseData',
  outputs: {
    text: (values) => {
      const data = values['data'];
      const items = Array.isArray(data) ? data : data === undefined || data === null ? [] : [data];
      const template = messageText(values['template']) || '{text}';
      const sep = typeof values['sep'] === 'string' ? values['sep'] : '\n\n';
      return items
        .map((item) =>
          template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
            const value = (item as Record<string, unknown>)[name];
            if (value === undefined) throw new FlowError('FLOW_NODE_FAILED', `ParseData template field {${name}} is not in the data item.`, name);
            return typeof value === 'string' ? value : JSON.stringify(value);
          }),
        )
        .join(sep);
    },
  },
};
