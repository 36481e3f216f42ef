import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ValidationIssue } from '@bedrock-flow/component';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import type { AwsConnection } from '../../credentials/aws-credential';
import { componentValues } from '../../parameters/component-values';
import { MODEL_PARAMETER } from '../../parameters/model-property';
import { OPTIONS_PARAMETER } from '../../parameters/options-collection';
import { componentContext } from '../../run/component-context';
import { createValidatedComponent } from '../../run/create-validated-component';
import { INVOKE_OPTIONS, INVOKE_TEXT_PARAMETERS } from './invoke-model-parameters';

/** The JSON one item gets: the answer, token usage, stop reason and the model and request that produced it. */
export interface InvokeModelOutput extends IDataObject {
  text: string;
  model: string;
  stopReason: string | null;
  usage: IDataObject | null;
  requestId: string | null;
  streamed: boolean;
}

/**
 * Runs the `AmazonBedrockModel` component (InvokeModel / InvokeModelWithResponseStream, one adapter per model family)
 * for one input item, on this node's pooled client, with the component inputs `connection` maps from the node's
 * credential (see `nodeConnection`). Parameters are validated before any request.
 */
export async function invokeModelItem(fns: IExecuteFunctions, itemIndex: number, connection: AwsConnection): Promise<InvokeModelOutput> {
  const issues: ValidationIssue[] = [...connection.issues];
  const options = fns.getNodeParameter(OPTIONS_PARAMETER, itemIndex, {}) as IDataObject;
  const text = Object.fromEntries(INVOKE_TEXT_PARAMETERS.map((binding) => [binding.parameter, fns.getNodeParameter(binding.parameter, itemIndex, '')]));
  const raw = {
    ...componentValues(amazonBedrockModelDefinition, INVOKE_TEXT_PARAMETERS, text, issues),
    ...componentValues(amazonBedrockModelDefinition, INVOKE_OPTIONS, options, issues),
    model_id: fns.getNodeParameter(MODEL_PARAMETER, itemIndex, '', { extractValue: true }),
    ...connection.values,
  };
  const instance = createValidatedComponent(amazonBedrockModelDefinition, componentContext(fns), raw, issues);
  const response = await instance.text_response();
  const metadata = response.responseMetadata;
  const stopReason = metadata.stopReason ?? metadata.stop_reason;
  // The chat model puts the AWS request id under LangChain's snake_case key, as it does `stop_reason`.
  const requestId = metadata.request_id ?? metadata.requestId ?? (metadata.$metadata as { requestId?: unknown } | undefined)?.requestId;
  return {
    text: response.text,
    model: String(instance.values.model_id),
    stopReason: typeof stopReason === 'string' ? stopReason : null,
    usage: response.usage ? ({ ...response.usage } as IDataObject) : null,
    requestId: typeof requestId === 'string' ? requestId : null,
    streamed: response.streamed,
  };
}
