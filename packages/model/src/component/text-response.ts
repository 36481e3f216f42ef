import {
  buildChatMessagesWithFiles,
  describeReasoningPlan,
  describeResolvedFile,
  inferenceProfilesFor,
  mergeDicts,
  needsInferenceProfile,
  runTextResponse,
  type ChatInputValue,
  textResponseCallOptions,
  type ComponentContext,
  type TextResponse,
  type TextResponseOptions,
} from '@bedrock-flow/component';
import { AmazonBedrockModelError } from '../errors/amazon-bedrock-model-error';
import { ModelValidationError } from '../errors/model-validation-error';
import { defaultProviderRegistry } from '../providers/registry';
import { AMAZON_BEDROCK_MODEL_NAME, buildChatModelWithConfig, type BuildChatModelValues } from './build-chat-model';
import { fileSupportOf } from './file-support';
import { modelReasoningPlan } from './reasoning-kwargs';

/** `text_response`'s options and result: the same shapes as the Converse component's. */
export type { TextResponse, TextResponseOptions };

/** Values `text_response` reads on top of those of `build_model`. */
export interface TextResponseValues extends BuildChatModelValues {
  input_value?: ChatInputValue | undefined;
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
  const { chat: model, config, crossRegion } = buildChatModelWithConfig(ctx, values);
  const { messages, files } = await buildChatMessagesWithFiles(values, {
    component: AMAZON_BEDROCK_MODEL_NAME,
    fileRoots: ctx.fileRoots,
    accepts: fileSupportOf(defaultProviderRegistry.resolve(model.model).adapter.family, defaultProviderRegistry.resolve(model.model).baseModelId),
  });
  const reasoning = modelReasoningPlan(
    AMAZON_BEDROCK_MODEL_NAME,
    model.model,
    values,
    mergeDicts(values.model_kwargs, { field: 'model_kwargs', component: AMAZON_BEDROCK_MODEL_NAME }),
  );
  const facts = {
    ...(reasoning.enabled || reasoning.family ? { reasoning: describeReasoningPlan(reasoning) } : {}),
    ...(files.length > 0 ? { files: files.map(describeResolvedFile) } : {}),
    // Said so in the output: the call went through an inference profile (cross_region_inference, issue 25).
    ...(crossRegion.inferenceProfile ? { inference_profile: crossRegion.inferenceProfile } : {}),
  };
  const callOptions = textResponseCallOptions(ctx, options);
  try {
    const response = await runTextResponse(model, messages, values.stream, callOptions, options);
    return Object.keys(facts).length === 0 ? response : { ...response, responseMetadata: { ...response.responseMetadata, ...facts } };
  } catch (error) {
    if (error instanceof ModelValidationError || callOptions.signal?.aborted) throw error;
    const wrapped = new AmazonBedrockModelError(error, { stage: 'call' });
    if (!needsInferenceProfile(error)) throw wrapped;
    // Bedrock's on-demand error: name the profiles that serve the model in this region (discovery, issue 25).
    const identity = { graphId: ctx.graphId, nodeId: ctx.nodeId };
    throw wrapped.withInferenceProfiles(config.region, await inferenceProfilesFor(ctx.pool, identity, config, values.model_id ?? model.model));
  }
}
