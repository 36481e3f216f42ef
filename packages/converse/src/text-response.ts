import type { ComponentContext } from '@bedrock-flow/component';
import type { ConverseValues } from './converse-inputs';
import { invokeTextResponse, textResponseStream } from './text-response-stream';
import type { TextResponse, TextResponseOptions } from './text-response-types';

/**
 * `text_response` ("Model Response"): sends `input_value` (with `system_message` when set). With `stream` on it
 * streams and `options.onToken` sees each token in order; otherwise one Converse call. Returns text plus usage.
 * Aborts via `ctx.signal` / `options.signal`. Errors: `ChatBedrockConverse validation error: …` (before any call),
 * `Converse API error: …` (AWS error name and request id kept).
 */
export async function textResponse(ctx: ComponentContext, values: ConverseValues, options: TextResponseOptions = {}): Promise<TextResponse> {
  if (!values.stream) return invokeTextResponse(ctx, values, options);
  const tokens = textResponseStream(ctx, values, options);
  for (;;) {
    const step = await tokens.next();
    if (step.done) return step.value;
    if (options.onToken) await options.onToken(step.value);
  }
}
