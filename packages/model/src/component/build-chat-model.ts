import {
  ComponentValidationError,
  acquireBedrockClient,
  mergeDicts,
  type AwsConnectionValues,
  type ComponentContext,
  type Dict,
} from '@bedrock-flow/component';
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
}

/**
 * `build_model`: the InvokeModel chat model on this node's pooled client. Order matters: everything that can be
 * rejected (model family, `model_kwargs`, credentials, region, endpoint) is checked before the lease is taken, so
 * a bad input never reaches the network. Cheap and idempotent: a rebuild with the same inputs gets the same client.
 */
export function buildChatModel(ctx: ComponentContext, values: BuildChatModelValues): ChatBedrockInvoke {
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
  try {
    client = acquireBedrockClient(ctx, values, {
      component: AMAZON_BEDROCK_MODEL_NAME,
      errorPrefix: 'Could not create an AWS SDK session: ',
    }).client;
  } catch (error) {
    if (error instanceof ComponentValidationError) throw error;
    throw new AmazonBedrockModelError(error, { stage: 'session' });
  }
  try {
    return new ChatBedrockInvoke({ client, model, modelKwargs, streaming: values.stream ?? false });
  } catch (error) {
    if (error instanceof ModelValidationError) throw error;
    throw new AmazonBedrockModelError(error, { stage: 'call' });
  }
}
