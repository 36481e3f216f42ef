import {
  buildChatMessages,
  runTextResponse,
  textResponseCallOptions,
  type ComponentContext,
  type TextResponse,
  type TextResponseOptions,
} from '@bedrock-flow/component';
import { AmazonBedrockModelError } from '../errors/amazon-bedrock-model-error';
import { ModelValidationError } from '../errors/model-validation-error';
import { AMAZON_BEDROCK_MODEL_NAME, buildChatModel, type BuildChatModelValues } from './build-chat-model';

/** `text_response`'s options and result: the same shapes as the Converse component's. */
export type { TextResponse, TextResponseOptions };

/** Values `text_response` reads on top of those of `build_model`. */
export interface TextResponseValues extends BuildChatModelValues {
  input_value?: string | undefined;
  system_message?: string | undefined;
}

/**
 * `text_response`: `system_message` + `input_value` through `build_model`'s chat model; streams when the `stream`
 * input is on (`onToken` sees each token in order), else invokes. Bedrock failures become
 * `AmazonBedrockModelError` ("AmazonBedrock API error: …" when Bedrock answered, "Could not connect to AmazonBedrock
 * API. …" when no answer came) keeping the AWS error name and request id;
 * aborts and input errors pass through unchanged.
 */
export async function textResponse(
  ctx: ComponentContext,
  values: TextResponseValues,
  options: TextResponseOptions = {},
): Promise<TextResponse> {
  const messages = buildChatMessages(values, { component: AMAZON_BEDROCK_MODEL_NAME });
  const model = buildChatModel(ctx, values);
  const callOptions = textResponseCallOptions(ctx, options);
  try {
    return await runTextResponse(model, messages, values.stream, callOptions, options);
  } catch (error) {
    if (error instanceof ModelValidationError || callOptions.signal?.aborted) throw error;
    throw new AmazonBedrockModelError(error, { stage: 'call' });
  }
}
