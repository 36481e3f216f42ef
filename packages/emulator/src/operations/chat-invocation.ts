import { validationError } from '../errors/bedrock-error';
import type { ChatRequest, GeneratedReply } from '../models/chat-request';
import type { ChatCodecContext, ChatFamilyCodec } from '../models/families/chat-family-codec';
import { CHAT_FAMILY_CODECS } from '../models/families/chat-family-codecs';
import { generateReply } from '../models/generate-reply';
import { baseModelId } from '../models/resolve-model-id';
import type { OperationContext } from './operation-context';

/** A chat InvokeModel call, parsed and answered by the deterministic model. */
export interface ChatInvocation {
  codec: ChatFamilyCodec;
  codecContext: ChatCodecContext;
  request: ChatRequest;
  reply: GeneratedReply;
}

/** The chat codec of a request's family; a ValidationException for an unknown model. */
export function chatCodecFor(ctx: OperationContext): ChatFamilyCodec | undefined {
  if (!ctx.family) throw validationError('The provided model identifier is invalid.');
  return CHAT_FAMILY_CODECS[ctx.family];
}

/** Parses a chat body with its family codec, records it and generates the reply. */
export function invokeChat(ctx: OperationContext, codec: ChatFamilyCodec, body: Record<string, unknown>): ChatInvocation {
  const codecContext: ChatCodecContext = {
    modelId: ctx.modelId,
    baseModelId: baseModelId(ctx.modelId),
    requestId: ctx.requestId,
    body,
    streaming: ctx.operation === 'InvokeModelWithResponseStream',
  };
  const request = codec.parse(body, codecContext);
  const scripted = ctx.observe({ body, lastUserText: request.lastUserText });
  return { codec, codecContext, request, reply: generateReply(request, scripted) };
}

/** Bedrock's per-invocation metrics (added to the last stream chunk). */
export function invocationMetrics(inputTokens: number, outputTokens: number, startedAt: number): Record<string, number> {
  const latency = Date.now() - startedAt;
  return { inputTokenCount: inputTokens, outputTokenCount: outputTokens, invocationLatency: latency, firstByteLatency: latency };
}
