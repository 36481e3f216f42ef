import {
  ComponentValidationError,
  applyCrossRegionInference,
  mergeDicts,
  toClientConfig,
  type CrossRegionCall,
  type AwsConnectionValues,
  type ComponentContext,
  type Dict,
} from '@bedrock-flow/component';
import type { ClientConfig } from '@bedrock-flow/bedrock-pool';
import { ChatBedrockInvoke } from '../chat-model/chat-bedrock-invoke';
import { AmazonBedrockModelError } from '../errors/amazon-bedrock-model-error';
import { ModelValidationError } from '../errors/model-validation-error';
import { defaultProviderRegistry } from '../providers/registry';
import { modelReasoningPlan, reasoningKwargs, type ReasoningValues } from './reasoning-kwargs';

/** Langflow name of the component. */
export const AMAZON_BEDROCK_MODEL_NAME = 'AmazonBedrockModel';

/** The input values `build_model` reads (validated by the component contract). */
export interface BuildChatModelValues extends AwsConnectionValues, ReasoningValues {
  model_id?: string | undefined;
  model_kwargs?: Dict[] | undefined;
  stream?: boolean | undefined;
  /** `off` (default), `geo` or `global` (issue 25). */
  cross_region_inference?: string | undefined;
}

/** `build_model`'s chat model with the config it was leased for and the inference profile it calls through, if any. */
export interface BuiltChatModel {
  chat: ChatBedrockInvoke;
  config: ClientConfig;
  crossRegion: CrossRegionCall;
}

/**
 * `build_model`: the InvokeModel chat model on this node's pooled client. Order matters: everything that can be
 * rejected (model family, `model_kwargs`, credentials, region, endpoint) is checked before the lease is taken, so
 * a bad input never reaches the network. Cheap and idempotent: a rebuild with the same inputs gets the same client.
 */
export function buildChatModel(ctx: ComponentContext, values: BuildChatModelValues): ChatBedrockInvoke {
  return buildChatModelWithConfig(ctx, values).chat;
}

/** {@link buildChatModel}, also returning the client config and the cross-region choice (for `text_response`'s metadata and errors). */
export function buildChatModelWithConfig(ctx: ComponentContext, values: BuildChatModelValues): BuiltChatModel {
  const model = values.model_id ?? 'anthropic.claude-3-haiku-20240307-v1:0';
  try {
    defaultProviderRegistry.resolve(model);
  } catch (error) {
    if (!(error instanceof ModelValidationError)) throw error;
    throw new ComponentValidationError(
      AMAZON_BEDROCK_MODEL_NAME,
      [
        {
          field: 'model_id',
          problem: error.message,
          allowed: `a model id of a supported family (${defaultProviderRegistry.families().join(', ')}), optionally with a cross-region prefix or as an ARN`,
          received: JSON.stringify(model.slice(0, 120)),
        },
      ],
    );
  }
  const userKwargs = mergeDicts(values.model_kwargs, { field: 'model_kwargs', component: AMAZON_BEDROCK_MODEL_NAME });
  // Reasoning fields first, the user's own model_kwargs over them (as additional_model_fields on Converse).
  const reasoning = modelReasoningPlan(AMAZON_BEDROCK_MODEL_NAME, model, values, userKwargs);
  const modelKwargs = { ...reasoningKwargs(reasoning), ...userKwargs };
  let client;
  let config: ClientConfig;
  try {
    config = toClientConfig(values, ctx, { component: AMAZON_BEDROCK_MODEL_NAME, errorPrefix: 'Could not create an AWS SDK session: ' });
    client = ctx.pool.acquire({ graphId: ctx.graphId, nodeId: ctx.nodeId }, config).client;
  } catch (error) {
    if (error instanceof ComponentValidationError) throw error;
    throw new AmazonBedrockModelError(error, { stage: 'session' });
  }
  // Cross-region inference only when the user chose it (data residency): the model id becomes the profile id.
  const crossRegion = applyCrossRegionInference(model, config.region, values.cross_region_inference, AMAZON_BEDROCK_MODEL_NAME);
  try {
    return { chat: new ChatBedrockInvoke({ client, model: crossRegion.modelId, modelKwargs, streaming: values.stream ?? false }), config, crossRegion };
  } catch (error) {
    if (error instanceof ModelValidationError) throw error;
    throw new AmazonBedrockModelError(error, { stage: 'call' });
  }
}
