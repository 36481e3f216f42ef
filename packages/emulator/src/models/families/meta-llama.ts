import { optionalNumber, requiredString } from '../validate-fields';
import type { ChatFamilyCodec } from './chat-family-codec';
import { promptChatRequest } from './prompt-request';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';
import { checkLlamaImages } from './family-images';

const STOP = { max_tokens: 'length' };

/** Meta Llama: `{prompt, temperature, top_p, max_gen_len}` -> `{generation, …, stop_reason}`. */
export const metaLlamaCodec: ChatFamilyCodec = {
  parse(body) {
    const prompt = requiredString(body['prompt'], 'prompt');
    optionalNumber(body['temperature'], 'temperature', 0, 1);
    optionalNumber(body['top_p'], 'top_p', 0, 1);
    const maxTokens = optionalNumber(body['max_gen_len'], 'max_gen_len', 1, 8192, true);
    const media = checkLlamaImages(body);
    const request = promptChatRequest(prompt.replace(/<\|image\|>/g, ''), maxTokens, []);
    if (media.length === 0) return request;
    // The images belong to the last user turn (the one the echo answers).
    const messages = request.messages.map((m, i) => (i === request.messages.length - 1 ? { ...m, media } : m));
    return { ...request, messages };
  },
  response(reply) {
    return {
      generation: reply.text,
      prompt_token_count: reply.inputTokens,
      generation_token_count: reply.outputTokens,
      stop_reason: mapStopReason(reply.stopReason, STOP, 'stop'),
    };
  },
  chunks(reply) {
    const pieces = streamPieces(reply);
    return pieces.map((piece, i) => {
      const last = i === pieces.length - 1;
      return {
        generation: piece.text,
        prompt_token_count: i === 0 ? reply.inputTokens : null,
        generation_token_count: last ? reply.outputTokens : piece.tokensSoFar,
        stop_reason: last ? mapStopReason(reply.stopReason, STOP, 'stop') : null,
      };
    });
  },
};
