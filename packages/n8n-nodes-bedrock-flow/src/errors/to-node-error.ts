import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { BedrockFlowError, describeAwsAnswer } from '@bedrock-flow/bedrock-pool';
import { ComponentValidationError } from '@bedrock-flow/component';

/** Component input name -> the label the n8n user sees, e.g. `max_tokens` -> `Options › Max Tokens`. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * Turns a bedrock-flow error into the error n8n shows on the node:
 * - a `ComponentValidationError` (bad parameter or credential, raised before any call) -> `NodeOperationError` whose
 *   message names every bad field by its n8n label and component input name, what was wrong and what is allowed;
 * - an AWS failure -> `NodeApiError` with the AWS error name, request id and HTTP status;
 * - anything else -> `NodeOperationError` with the message.
 * Only messages are kept, never the original error objects, which could hold the SDK's request (and its signature).
 * The components' messages are secret-free by construction.
 */
export function toNodeError(node: INode, error: unknown, labels: FieldLabels = {}, itemIndex?: number): NodeOperationError | NodeApiError {
  if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
  const at = itemIndex === undefined ? {} : { itemIndex };
  if (error instanceof ComponentValidationError) {
    const lines = error.issues.map((issue) => {
      const label = labels[issue.field];
      const name = label ? `${label} (${issue.field})` : issue.field;
      return `${name}: ${issue.problem}; allowed: ${issue.allowed}${issue.received === undefined ? '' : `; received ${issue.received}`}`;
    });
    const fields = error.issues.map((issue) => labels[issue.field] ?? issue.field).join(', ');
    return new NodeOperationError(node, `Invalid ${error.issues.length === 1 ? 'parameter' : 'parameters'}: ${fields}`, { ...at, description: lines.join('\n') });
  }
  const message = error instanceof Error ? error.message : String(error);
  // The components' errors that wrap an AWS SDK error carry its facts, read once by `awsErrorFacts`.
  const facts = error instanceof BedrockFlowError ? error.aws : undefined;
  if (facts) {
    const response: JsonObject = { name: facts.name, message, requestId: facts.requestId ?? null, httpStatusCode: facts.httpStatusCode ?? null };
    const answer = describeAwsAnswer(facts);
    return new NodeApiError(node, response, {
      ...at,
      message,
      description: `AWS error ${facts.name}${answer ? ` (${answer})` : ''}`,
      ...(facts.httpStatusCode ? { httpCode: String(facts.httpStatusCode) } : {}),
    });
  }
  return new NodeOperationError(node, message, at);
}
