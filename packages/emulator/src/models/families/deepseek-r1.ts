/*
 * Source: AWS, "DeepSeek models" (Bedrock user guide, model-parameters-deepseek): `{prompt, temperature <= 1,
 * top_p <= 1, max_tokens 1..32768, stop (<= 10 items)}` -> `{choices[{text, stop_reason: "stop" | "length"}]}`;
 * stream chunks have the same shape. The reply is the reasoning, `</think>`, then the answer (the guide's prompt
 * ends with `<think>\n`); a prompt that does not open the reasoning gets it opened in the reply.
 */
import type { GeneratedReply } from '../chat-request';
import { splitIntoDeltas } from '../generate-reply';
import { optionalNumber, optionalStrings, rejectExtraneousKeys, requireKey, requiredString } from '../validate-fields';
import type { ChatCodecContext, ChatFamilyCodec } from './chat-family-codec';
import { promptChatRequest } from './prompt-request';
import { reasoningText } from './reasoning-text';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';

const STOP = { max_tokens: 'length' };
const KEYS: ReadonlySet<string> = new Set(['prompt', 'temperature', 'top_p', 'max_tokens', 'stop']);

/** The reasoning part of the reply text, up to and including `</think>`. */
function thinking(ctx: ChatCodecContext): string {
  const prompt = String(ctx.body['prompt'] ?? '');
  const opened = prompt.trimEnd().endsWith('<think>');
  const user = promptChatRequest(prompt, undefined, []);
  return `${opened ? '' : '<think>\n'}${reasoningText(user)}\n</think>\n\n`;
}

/** DeepSeek-R1: text completion body, `choices[{text, stop_reason}]` back, reasoning before `</think>`. */
export const deepSeekR1Codec: ChatFamilyCodec = {
  parse(body) {
    rejectExtraneousKeys(body, KEYS);
    requireKey(body, 'prompt');
    const prompt = requiredString(body['prompt'], 'prompt');
    optionalNumber(body['temperature'], 'temperature', 0, 1);
    optionalNumber(body['top_p'], 'top_p', 0, 1);
    const maxTokens = optionalNumber(body['max_tokens'], 'max_tokens', 1, 32_768, true);
    return promptChatRequest(prompt, maxTokens, optionalStrings(body['stop'], 'stop', 10));
  },
  response(reply: GeneratedReply, ctx) {
    return { choices: [{ text: thinking(ctx) + reply.text, stop_reason: mapStopReason(reply.stopReason, STOP, 'stop') }] };
  },
  chunks(reply, ctx) {
    // The reasoning streams word by word too, with `</think>` in a piece of its own, as the real model emits it.
    const reasoning = splitIntoDeltas(thinking(ctx).replace(/\n<\/think>\n\n$/, '')).map((text) => ({ choices: [{ text, stop_reason: null }] }));
    const close = { choices: [{ text: '\n</think>\n\n', stop_reason: null }] };
    const pieces = streamPieces(reply);
    const answer = pieces.map((piece, i) => ({
      choices: [{ text: piece.text, stop_reason: i === pieces.length - 1 ? mapStopReason(reply.stopReason, STOP, 'stop') : null }],
    }));
    return [...reasoning, close, ...answer];
  },
};
