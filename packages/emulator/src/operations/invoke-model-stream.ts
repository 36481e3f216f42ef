import { validationError } from '../errors/bedrock-error';
import { EMBEDDING_FAMILY_CODECS } from '../models/embeddings/embedding-family-codecs';
import { parseJsonBody } from '../models/validate-fields';
import { streamDurationMs } from '../faults/generation-pace';
import { chatCodecFor, invocationMetrics, invokeChat } from './chat-invocation';
import { checkMediaTypes } from './check-media-types';
import type { OperationContext } from './operation-context';

/**
 * InvokeModelWithResponseStream: the family's stream chunks, each as a `chunk` event
 * `{"bytes":"<base64 JSON>"}`; the last chunk carries `amazon-bedrock-invocationMetrics`.
 */
export async function handleInvokeModelStream(ctx: OperationContext): Promise<void> {
  checkMediaTypes(ctx.req.headers, 'x-amzn-bedrock-accept');
  const body = parseJsonBody(ctx.body);
  if (ctx.family && EMBEDDING_FAMILY_CODECS[ctx.family]) throw validationError('The model is unsupported for streaming.');
  const codec = chatCodecFor(ctx);
  if (!codec) throw validationError('The provided model identifier is invalid.');
  if (!codec.chunks) throw validationError('The model is unsupported for streaming.');
  const { reply, codecContext } = invokeChat(ctx, codec, body);
  const chunks = codec.chunks(reply, codecContext);
  const last = chunks[chunks.length - 1];

  const stream = ctx.openEventStream();
  const pace = ctx.generationPace();
  if (pace) stream.pace(streamDurationMs(pace, reply.outputTokens), chunks.length);
  stream.start(ctx.requestId);
  for (const chunk of chunks) {
    // Measured when the last chunk is produced, so its latency covers the (possibly paced) answer so far.
    if (chunk === last) chunk['amazon-bedrock-invocationMetrics'] = invocationMetrics(reply.inputTokens, reply.outputTokens, ctx.startedAt);
    const bytes = Buffer.from(JSON.stringify(chunk), 'utf8').toString('base64');
    if (!(await stream.event('chunk', { bytes }))) return;
  }
  stream.end();
}
