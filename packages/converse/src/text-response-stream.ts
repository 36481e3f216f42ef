import {
  describeReasoningPlan,
  describeResolvedFile,
  invokeChatTextResponse,
  streamChatTextResponse,
  textResponseCallOptions,
  type ComponentContext,
  type ResolvedFile,
  type TextResponse,
  type TextResponseOptions,
} from '@bedrock-flow/component';
import type { BaseMessage } from '@langchain/core/messages';
import { buildChatModel } from './build-chat-model';
import { buildMessagesWithFiles } from './build-messages';
import { chatModelFieldsWithPlan } from './chat-model-fields';
import type { ConverseValues } from './converse-inputs';
import { toConverseApiError } from './errors/to-converse-api-error';
import type { PooledChatBedrockConverse } from './pooled-chat-bedrock-converse';

/** Text of a message or chunk (string content, or the text blocks of a content array). */
export { textOf } from '@bedrock-flow/component';

interface PreparedCall {
  messages: BaseMessage[];
  model: PooledChatBedrockConverse;
  /** What the metadata reports about the request (reasoning plan, files). */
  facts: Record<string, unknown>;
}

/** Everything that can be refused is checked here, before any call: inputs, files, reasoning, credentials. */
async function prepare(ctx: ComponentContext, values: ConverseValues): Promise<PreparedCall> {
  const { reasoning } = chatModelFieldsWithPlan(values);
  const { messages, files } = await buildMessagesWithFiles(ctx, values);
  const model = buildChatModel(ctx, values);
  const facts = requestFacts(reasoning, files);
  // Said so in the output: the call went through an inference profile (cross_region_inference, issue 25).
  if (model.inferenceProfile) facts.inference_profile = model.inferenceProfile;
  return { messages, model, facts };
}

function requestFacts(reasoning: ReturnType<typeof chatModelFieldsWithPlan>['reasoning'], files: ResolvedFile[]): Record<string, unknown> {
  return {
    ...(reasoning.enabled || reasoning.family ? { reasoning: describeReasoningPlan(reasoning) } : {}),
    ...(files.length > 0 ? { files: files.map(describeResolvedFile) } : {}),
  };
}

function withFacts(response: TextResponse, facts: Record<string, unknown>): TextResponse {
  if (Object.keys(facts).length === 0) return response;
  return { ...response, responseMetadata: { ...response.responseMetadata, ...facts } };
}

/**
 * The model response as an async iterator of answer tokens, in arrival order; the generator's return value is the
 * {@link TextResponse}. Reasoning never enters the tokens: it goes to `options.onReasoningToken` as it streams and
 * to the result's `reasoning`. Streams with ConverseStream (one Converse call when `disable_streaming` is on).
 * Validation (files and reasoning included) happens before the first call; errors are `ConverseApiError`s; aborts
 * via `ctx.signal` / `options.signal`.
 */
export async function* textResponseStream(
  ctx: ComponentContext,
  values: ConverseValues,
  options: TextResponseOptions = {},
): AsyncGenerator<string, TextResponse, undefined> {
  const { messages, model, facts } = await prepare(ctx, values);
  try {
    return withFacts(yield* streamChatTextResponse(model, messages, textResponseCallOptions(ctx, options), options.onReasoningToken), facts);
  } catch (error) {
    throw toConverseApiError(error);
  }
}

/** Invokes once (no stream) and returns the {@link TextResponse}. */
export async function invokeTextResponse(ctx: ComponentContext, values: ConverseValues, options: TextResponseOptions = {}): Promise<TextResponse> {
  const { messages, model, facts } = await prepare(ctx, values);
  try {
    return withFacts(await invokeChatTextResponse(model, messages, textResponseCallOptions(ctx, options)), facts);
  } catch (error) {
    throw toConverseApiError(error);
  }
}
