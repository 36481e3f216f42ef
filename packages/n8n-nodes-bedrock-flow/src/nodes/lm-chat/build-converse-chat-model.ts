import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import type { ValidationIssue } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition, type PooledChatBedrockConverse } from '@bedrock-flow/converse';
import { nodeConnection } from '../../credentials/node-credentials';
import { toNodeError } from '../../errors/to-node-error';
import { componentValues } from '../../parameters/component-values';
import { MODEL_PARAMETER } from '../../parameters/model-property';
import { OPTIONS_PARAMETER } from '../../parameters/options-collection';
import { STOP_SEQUENCES_PARAMETER, stopSequences } from '../../parameters/stop-sequences';
import { componentContext } from '../../run/component-context';
import { createValidatedComponent } from '../../run/create-validated-component';
import { n8nLlmCallbacks } from '../../run/n8n-llm-tracing';
import { withDefaultStop } from '../../run/with-default-stop';
import { CONVERSE_LABELS, CONVERSE_OPTIONS } from './converse-parameters';

/**
 * Builds the chat model an n8n chain or agent will call: the `AmazonBedrockConverseModel` component, fed with the
 * node's parameters and its credential (`aws` keys or a Bedrock API key), validated (one error naming every bad field, no request made), then
 * its `build_model` output: a `ChatBedrockConverse` (invoke and streaming) on this node's pooled client. Each
 * execution builds it again, cheaply: same workflow + node + connection config -> the same warm client.
 */
export async function buildConverseChatModel(fns: ISupplyDataFunctions, itemIndex: number): Promise<PooledChatBedrockConverse> {
  const connection = await nodeConnection(fns, itemIndex);
  try {
    const issues: ValidationIssue[] = [...connection.issues];
    const options = fns.getNodeParameter(OPTIONS_PARAMETER, itemIndex, {}) as IDataObject;
    const stop = stopSequences(options[STOP_SEQUENCES_PARAMETER], issues);
    const raw = {
      ...componentValues(amazonBedrockConverseDefinition, CONVERSE_OPTIONS, options, issues),
      model_id: fns.getNodeParameter(MODEL_PARAMETER, itemIndex, '', { extractValue: true }),
      ...connection.values,
    };
    const instance = createValidatedComponent(amazonBedrockConverseDefinition, componentContext(fns), raw, issues);
    const model = withDefaultStop(instance.build_model(), stop);
    const callbacks = n8nLlmCallbacks(fns);
    if (callbacks.length > 0) model.callbacks = callbacks as typeof model.callbacks;
    return model;
  } catch (error) {
    throw toNodeError(fns.getNode(), error, CONVERSE_LABELS, itemIndex);
  }
}
