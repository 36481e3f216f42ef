import { validationError } from '../errors/bedrock-error';
import { writeJson } from '../http/write-response';
import { parseConverseRequest } from '../models/converse/parse-converse-request';
import { chatInputTokens } from '../models/generate-reply';
import { asObject, parseJsonBody } from '../models/validate-fields';
import { chatCodecFor } from './chat-invocation';
import type { OperationContext } from './operation-context';
import { requireChatFamily } from './require-chat-family';
import { baseModelId } from '../models/resolve-model-id';

/**
 * CountTokens: `{input:{converse:{…}}}` or `{input:{invokeModel:{body:"<base64>"}}}` -> `{inputTokens}`,
 * the same count Converse / InvokeModel would report as input tokens.
 */
export async function handleCountTokens(ctx: OperationContext): Promise<void> {
  const body = parseJsonBody(ctx.body);
  requireChatFamily(ctx.family);
  const input = asObject(body['input'], 'input');
  let inputTokens: number;
  if (input['converse'] !== undefined) {
    const request = parseConverseRequest(asObject(input['converse'], 'input.converse'));
    ctx.observe({ body, lastUserText: request.lastUserText });
    inputTokens = chatInputTokens(request);
  } else if (input['invokeModel'] !== undefined) {
    const invoke = asObject(input['invokeModel'], 'input.invokeModel');
    if (typeof invoke['body'] !== 'string') throw validationError("1 validation error detected: Value null at 'input.invokeModel.body' failed to satisfy constraint: Member must not be null");
    const inner = parseJsonBody(Buffer.from(invoke['body'], 'base64'));
    const codec = chatCodecFor(ctx);
    if (!codec) throw validationError('The provided model identifier is invalid.');
    const request = codec.parse(inner, { modelId: ctx.modelId, baseModelId: baseModelId(ctx.modelId), requestId: ctx.requestId, body: inner });
    ctx.observe({ body: { input: { invokeModel: { body: inner } } }, lastUserText: request.lastUserText });
    inputTokens = chatInputTokens(request);
  } else {
    throw validationError('input: exactly one of converse or invokeModel is required');
  }
  writeJson(ctx.res, 200, ctx.requestId, { inputTokens });
}
