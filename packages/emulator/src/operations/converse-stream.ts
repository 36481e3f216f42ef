import { answerConverse } from '../models/converse/converse-answer';
import { parseConverseFeatures } from '../models/converse/converse-features';
import { converseStreamMetadata, reasoningSignature } from '../models/converse/converse-response';
import { parseConverseRequest } from '../models/converse/parse-converse-request';
import { generateReply, splitIntoDeltas } from '../models/generate-reply';
import { parseJsonBody } from '../models/validate-fields';
import { streamDurationMs } from '../faults/generation-pace';
import type { OperationContext } from './operation-context';
import { requireChatFamily } from './require-chat-family';

/**
 * ConverseStream: `messageStart`, a text block as one `contentBlockDelta` per word, a tool-use
 * block (`contentBlockStart` + input JSON in two deltas), `messageStop`, then `metadata` (usage with cache counts,
 * metrics, guardrail trace, performanceConfig).
 */
export async function handleConverseStream(ctx: OperationContext): Promise<void> {
  const body = parseJsonBody(ctx.body);
  requireChatFamily(ctx.family);
  const request = parseConverseRequest(body, { family: ctx.family, modelId: ctx.modelId });
  const features = parseConverseFeatures(body, ctx.modelId, true);
  const scripted = ctx.observe({ body, lastUserText: request.lastUserText });
  const answer = answerConverse(features, request, generateReply(request, scripted));
  const { reply } = answer;

  // The events are listed first so a generation pace can spread them evenly over the answer's time.
  const events: Array<[type: string, payload: unknown]> = [['messageStart', { role: 'assistant' }]];
  let index = 0;
  if (reply.reasoning) {
    // Reasoning streams as its own block, before the answer: text deltas, then the signature.
    for (const text of splitIntoDeltas(reply.reasoning)) {
      events.push(['contentBlockDelta', { contentBlockIndex: index, delta: { reasoningContent: { text } } }]);
    }
    events.push(['contentBlockDelta', { contentBlockIndex: index, delta: { reasoningContent: { signature: reasoningSignature(reply.reasoning) } } }]);
    events.push(['contentBlockStop', { contentBlockIndex: index }]);
    index += 1;
  }
  if (reply.text || !reply.toolUse) {
    for (const text of splitIntoDeltas(reply.text).concat(reply.text ? [] : [''])) {
      events.push(['contentBlockDelta', { contentBlockIndex: index, delta: { text } }]);
    }
    events.push(['contentBlockStop', { contentBlockIndex: index }]);
    index += 1;
  }
  if (reply.toolUse) {
    const { toolUseId, name, input } = reply.toolUse;
    events.push(['contentBlockStart', { contentBlockIndex: index, start: { toolUse: { toolUseId, name } } }]);
    const json = JSON.stringify(input);
    const half = Math.ceil(json.length / 2);
    for (const part of [json.slice(0, half), json.slice(half)].filter((p) => p.length > 0)) {
      events.push(['contentBlockDelta', { contentBlockIndex: index, delta: { toolUse: { input: part } } }]);
    }
    events.push(['contentBlockStop', { contentBlockIndex: index }]);
  }
  events.push(['messageStop', { stopReason: reply.stopReason }]);

  const stream = ctx.openEventStream();
  const pace = ctx.generationPace();
  // The metadata event follows the last one, so it is one more frame on the schedule.
  if (pace) stream.pace(streamDurationMs(pace, reply.outputTokens), events.length + 1);
  stream.start(ctx.requestId);
  for (const [type, payload] of events) {
    if (!(await stream.event(type, payload))) return;
  }
  // Built last, so its latency covers the (possibly paced) answer so far.
  if (!(await stream.event('metadata', converseStreamMetadata(answer, Date.now() - ctx.startedAt)))) return;
  stream.end();
}
