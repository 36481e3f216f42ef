import { validationError } from '../errors/bedrock-error';
import { baseHeaders, writeBody } from '../http/write-response';
import { EMBEDDING_FAMILY_CODECS } from '../models/embeddings/embedding-family-codecs';
import { parseJsonBody } from '../models/validate-fields';
import { answerDurationMs } from '../faults/generation-pace';
import { chatCodecFor, invokeChat } from './chat-invocation';
import { checkMediaTypes } from './check-media-types';
import type { OperationContext } from './operation-context';

/** InvokeModel: the family's own JSON body in, its JSON body out, token counts in headers. */
export async function handleInvokeModel(ctx: OperationContext): Promise<void> {
  checkMediaTypes(ctx.req.headers, 'accept');
  const body = parseJsonBody(ctx.body);
  let response: unknown;
  let inputTokens: number;
  let outputTokens = 0;
  const embedder = ctx.family ? EMBEDDING_FAMILY_CODECS[ctx.family] : undefined;
  if (embedder) {
    const result = embedder.embed(body);
    ctx.observe({ body, lastUserText: result.texts.join('\n') });
    response = result.response;
    inputTokens = result.inputTokens;
  } else {
    const codec = chatCodecFor(ctx);
    if (!codec) throw validationError('The provided model identifier is invalid.');
    const { reply, codecContext } = invokeChat(ctx, codec, body);
    response = codec.response(reply, codecContext);
    inputTokens = reply.inputTokens;
    outputTokens = reply.outputTokens;
    const pace = ctx.generationPace();
    // A paced answer is held, the connection staying alive, until it is generated; nothing goes out before.
    if (pace && !(await ctx.hold(answerDurationMs(pace, outputTokens)))) return;
  }
  writeBody(
    ctx.res,
    200,
    {
      ...baseHeaders(ctx.requestId),
      'content-type': 'application/json',
      'x-amzn-bedrock-input-token-count': String(inputTokens),
      'x-amzn-bedrock-output-token-count': String(outputTokens),
      'x-amzn-bedrock-invocation-latency': String(Date.now() - ctx.startedAt),
    },
    JSON.stringify(response),
  );
}
