import { writeJson } from '../http/write-response';
import { answerConverse } from '../models/converse/converse-answer';
import { parseConverseFeatures } from '../models/converse/converse-features';
import { converseResponse } from '../models/converse/converse-response';
import { parseConverseRequest } from '../models/converse/parse-converse-request';
import { generateReply } from '../models/generate-reply';
import { parseJsonBody } from '../models/validate-fields';
import { answerDurationMs } from '../faults/generation-pace';
import type { OperationContext } from './operation-context';
import { requireChatFamily } from './require-chat-family';

/** Converse: the deterministic reply as one JSON body. */
export async function handleConverse(ctx: OperationContext): Promise<void> {
  const body = parseJsonBody(ctx.body);
  requireChatFamily(ctx.family);
  const request = parseConverseRequest(body, { family: ctx.family, modelId: ctx.modelId });
  const features = parseConverseFeatures(body, ctx.modelId, false);
  const scripted = ctx.observe({ body, lastUserText: request.lastUserText });
  const answer = answerConverse(features, request, generateReply(request, scripted));
  const pace = ctx.generationPace();
  // A paced answer is held, the connection staying alive, until it is generated; nothing goes out before.
  if (pace && !(await ctx.hold(answerDurationMs(pace, answer.reply.outputTokens)))) return;
  writeJson(ctx.res, 200, ctx.requestId, converseResponse(answer, Date.now() - ctx.startedAt));
}
