import type { GeneratedReply } from '../chat-request';
import { optionalNumber, optionalStrings } from '../validate-fields';
import type { ChatCodecContext, ChatFamilyCodec } from './chat-family-codec';
import { deterministicId } from './deterministic-id';
import { parseOpenAiMessages } from './openai-messages';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';

const STOP = { max_tokens: 'length' };

function usage(reply: GeneratedReply): Record<string, number> {
  return { prompt_tokens: reply.inputTokens, completion_tokens: reply.outputTokens, total_tokens: reply.inputTokens + reply.outputTokens };
}

function id(ctx: ChatCodecContext): string {
  return `chatcmpl-${deterministicId('', ctx.requestId, 24)}`;
}

/** AI21 Jamba: OpenAI-like `{messages, max_tokens, temperature 0..2, top_p, stop}` -> `{choices[{message}]}`. */
export const ai21JambaCodec: ChatFamilyCodec = {
  parse(body) {
    const parsed = parseOpenAiMessages(body['messages']);
    optionalNumber(body['temperature'], 'temperature', 0, 2);
    optionalNumber(body['top_p'], 'top_p', 0, 1);
    const maxTokens = optionalNumber(body['max_tokens'], 'max_tokens', 1, 4096, true);
    return { ...parsed, ...(maxTokens !== undefined ? { maxTokens } : {}), stopSequences: optionalStrings(body['stop'], 'stop'), tools: [] };
  },
  response(reply, ctx) {
    return {
      id: id(ctx),
      choices: [{ index: 0, message: { role: 'assistant', content: reply.text, tool_calls: null }, finish_reason: mapStopReason(reply.stopReason, STOP, 'stop') }],
      usage: usage(reply),
      meta: { requestDurationMillis: 0 },
      model: ctx.baseModelId,
    };
  },
  chunks(reply, ctx) {
    const pieces = streamPieces(reply);
    return [
      ...pieces.map((piece, i) => ({
        id: id(ctx),
        choices: [{ index: 0, delta: { ...(i === 0 ? { role: 'assistant' } : {}), content: piece.text }, finish_reason: null }],
      })),
      { id: id(ctx), choices: [{ index: 0, delta: {}, finish_reason: mapStopReason(reply.stopReason, STOP, 'stop') }], usage: usage(reply) },
    ];
  },
};
