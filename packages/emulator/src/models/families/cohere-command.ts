import { optionalNumber, optionalStrings, requiredString } from '../validate-fields';
import type { ChatFamilyCodec } from './chat-family-codec';
import { deterministicId } from './deterministic-id';
import { promptChatRequest } from './prompt-request';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';

const STOP = { max_tokens: 'MAX_TOKENS' };

/** Cohere Command (text): `{prompt, max_tokens, temperature 0..5, p, k, stop_sequences}` -> `{generations[{text, finish_reason}]}`. */
export const cohereCommandCodec: ChatFamilyCodec = {
  parse(body) {
    const prompt = requiredString(body['prompt'], 'prompt');
    optionalNumber(body['temperature'], 'temperature', 0, 5);
    optionalNumber(body['p'], 'p', 0, 1);
    optionalNumber(body['k'], 'k', 0, 500, true);
    const maxTokens = optionalNumber(body['max_tokens'], 'max_tokens', 1, 4096, true);
    return promptChatRequest(prompt, maxTokens, optionalStrings(body['stop_sequences'], 'stop_sequences'));
  },
  response(reply, ctx) {
    return {
      id: deterministicId('', ctx.requestId, 32),
      generations: [
        { id: deterministicId('', `${ctx.requestId}/0`, 32), text: reply.text, finish_reason: mapStopReason(reply.stopReason, STOP, 'COMPLETE') },
      ],
      prompt: typeof ctx.body['prompt'] === 'string' ? ctx.body['prompt'] : '',
    };
  },
  chunks(reply, ctx) {
    const chunks: Array<Record<string, unknown>> = streamPieces(reply).map((piece) => ({ text: piece.text, is_finished: false }));
    chunks.push({
      is_finished: true,
      finish_reason: mapStopReason(reply.stopReason, STOP, 'COMPLETE'),
      response: this.response(reply, ctx),
    });
    return chunks;
  },
};
