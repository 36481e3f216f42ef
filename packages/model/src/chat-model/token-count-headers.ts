import type { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import type { TokenUsage } from '../providers/provider-adapter';

/** Header names Bedrock uses to report token counts on InvokeModel responses. */
export const INPUT_TOKEN_COUNT_HEADER = 'x-amzn-bedrock-input-token-count';
export const OUTPUT_TOKEN_COUNT_HEADER = 'x-amzn-bedrock-output-token-count';

/** Where {@link captureTokenCountHeaders} puts what it read. */
export interface TokenCountSink {
  usage?: TokenUsage;
}

/**
 * Read Bedrock's token-count response headers on this one command (not on the shared client), for the families
 * whose bodies carry no counts (Mistral, Cohere Command).
 */
export function captureTokenCountHeaders(command: InvokeModelCommand, sink: TokenCountSink): void {
  command.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const headers = (result.response as { headers?: Record<string, string | undefined> }).headers ?? {};
      const input = Number(headers[INPUT_TOKEN_COUNT_HEADER]);
      const output = Number(headers[OUTPUT_TOKEN_COUNT_HEADER]);
      if (Number.isFinite(input) || Number.isFinite(output))
        sink.usage = {
          inputTokens: Number.isFinite(input) ? input : 0,
          outputTokens: Number.isFinite(output) ? output : 0,
        };
      return result;
    },
    { step: 'deserialize', name: 'bedrockFlowTokenCountHeaders' },
  );
}
