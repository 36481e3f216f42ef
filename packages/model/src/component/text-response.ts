import { ComponentValidationError, type ComponentContext } from '@bedrock-flow/component';
import {
  HumanMessage,
  SystemMessage,
  type AIMessage,
  type AIMessageChunk,
  type BaseMessage,
  type UsageMetadata,
} from '@langchain/core/messages';
import { AmazonBedrockModelError } from '../errors/amazon-bedrock-model-error';
import { ModelValidationError } from '../errors/model-validation-error';
import { AMAZON_BEDROCK_MODEL_NAME, buildChatModel, type BuildChatModelValues } from './build-chat-model';

/** Values `text_response` reads on top of those of `build_model`. */
export interface TextResponseValues extends BuildChatModelValues {
  input_value?: string | undefined;
  system_message?: string | undefined;
}

/** Per-call options of `text_response` (same shape as the Converse component's). */
export interface TextResponseOptions {
  /** Called with each text token as it arrives (streaming only), in order; awaited before the next. Default none. */
  onToken?: (token: string) => void | Promise<void>;
  /** Aborts this call (in addition to the context's signal). Default none. */
  signal?: AbortSignal;
}

/** What `text_response` returns: Langflow's "Model Response" message (same shape as the Converse component's). */
export interface TextResponse {
  /** The model's text. */
  text: string;
  /** Token usage, when reported. */
  usage?: UsageMetadata;
  /** Response metadata: `stop_reason` (family vocabulary), `model_id`, `request_id` (invoke). */
  responseMetadata: Record<string, unknown>;
  /** The full LangChain message. */
  message: AIMessage | AIMessageChunk;
  /** Whether the text arrived as a stream. */
  streamed: boolean;
}

/** `[system?, human]` from the base inputs; an empty input is a validation error (every family needs a user turn). */
function buildMessages(values: TextResponseValues): BaseMessage[] {
  if (!values.input_value)
    throw new ComponentValidationError(AMAZON_BEDROCK_MODEL_NAME, [
      {
        field: 'input_value',
        problem: 'is empty: the message you want to send to the model is empty',
        allowed: 'a non-empty message',
      },
    ]);
  const messages: BaseMessage[] = [];
  if (values.system_message) messages.push(new SystemMessage(values.system_message));
  messages.push(new HumanMessage(values.input_value));
  return messages;
}

function combinedSignal(ctx: ComponentContext, options: TextResponseOptions): AbortSignal | undefined {
  const signals = [ctx.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
  return signals.length <= 1 ? signals[0] : AbortSignal.any(signals);
}

/**
 * `text_response`: `system_message` + `input_value` through `build_model`'s chat model; streams when the `stream`
 * input is on (`onToken` sees each token in order), else invokes. Bedrock failures become
 * `AmazonBedrockModelError` ("Could not connect to AmazonBedrock API. …") keeping the AWS error name and request id;
 * aborts and input errors pass through unchanged.
 */
export async function textResponse(
  ctx: ComponentContext,
  values: TextResponseValues,
  options: TextResponseOptions = {},
): Promise<TextResponse> {
  const messages = buildMessages(values);
  const model = buildChatModel(ctx, values);
  const signal = combinedSignal(ctx, options);
  const callOptions = signal ? { signal } : {};
  try {
    if (!values.stream) {
      const message = await model.invoke(messages, callOptions);
      return {
        text: message.text,
        ...(message.usage_metadata ? { usage: message.usage_metadata } : {}),
        responseMetadata: message.response_metadata,
        message,
        streamed: false,
      };
    }
    let final: AIMessageChunk | undefined;
    for await (const chunk of await model.stream(messages, callOptions)) {
      final = final === undefined ? chunk : final.concat(chunk);
      const token = chunk.text;
      if (token && options.onToken) await options.onToken(token);
    }
    if (final === undefined) throw new Error('The stream ended without a message.');
    return {
      text: final.text,
      ...(final.usage_metadata ? { usage: final.usage_metadata } : {}),
      responseMetadata: final.response_metadata,
      message: final,
      streamed: true,
    };
  } catch (error) {
    if (error instanceof ModelValidationError || signal?.aborted) throw error;
    throw new AmazonBedrockModelError('BEDROCK_API_FAILED', error);
  }
}
