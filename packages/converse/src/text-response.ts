import { drainTextResponse, type ComponentContext, type TextResponse, type TextResponseOptions } from '@bedrock-flow/component';
import type { ConverseValues } from './converse-inputs';
import { invokeTextResponse, textResponseStream } from './text-response-stream';

/**
 * `text_response` ("Model Response"): sends `input_value` (with `system_message` when set). With `stream` on it
 * streams and `options.onToken` sees each token in order; otherwise one Converse call. Returns text plus usage.
 * Aborts via `ctx.signal` / `options.signal`. Errors: `ChatBedrockConverse validation error: …` (before any call),
 * `Converse API error: …` (AWS error name and request id kept).
 */
export async function textResponse(ctx: ComponentContext, values: ConverseValues, options: TextResponseOptions = {}): Promise<TextResponse> {
  if (!values.stream) return invokeTextResponse(ctx, values, options);
  return drainTextResponse(textResponseStream(ctx, values, options), options.onToken);
}
