import { ConverseCommand, ConverseStreamCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { converseInput } from './converse-request';
import type { BuiltNode } from './row-driver';

/** A built node that calls Converse / ConverseStream on an SDK client; `endRun` is the row's own. */
export function sdkNode(client: BedrockRuntimeClient, endRun: () => Promise<void>): BuiltNode {
  return {
    async converse() {
      const out = await client.send(new ConverseCommand(converseInput()));
      if (!out.output?.message) throw new Error('Converse returned no message');
    },
    async converseStream(onFirstToken) {
      const out = await client.send(new ConverseStreamCommand(converseInput()));
      let first = true;
      for await (const event of out.stream ?? []) {
        if (first && event.contentBlockDelta?.delta?.text) {
          first = false;
          onFirstToken();
        }
      }
      if (first) throw new Error('ConverseStream returned no text');
    },
    endRun,
  };
}
