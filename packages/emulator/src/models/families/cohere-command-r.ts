import { validationError } from '../../errors/bedrock-error';
import type { GeneratedReply } from '../chat-request';
import { asObject, optionalNumber, optionalStrings, requiredString } from '../validate-fields';
import type { ChatCodecContext, ChatFamilyCodec } from './chat-family-codec';
import { deterministicId } from './deterministic-id';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';

const STOP = { max_tokens: 'MAX_TOKENS' };

function history(value: unknown): Array<{ role: string; text: string }> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validationError('chat_history: must be a list of {role, message}');
  return value.map((m, i) => {
    const turn = asObject(m, `chat_history.${i}`);
    const role = turn['role'];
    if (role !== 'USER' && role !== 'CHATBOT' && role !== 'SYSTEM') throw validationError(`chat_history.${i}.role: must be USER, CHATBOT or SYSTEM`);
    return { role: role === 'CHATBOT' ? 'assistant' : 'user', text: typeof turn['message'] === 'string' ? turn['message'] : '' };
  });
}

function response(reply: GeneratedReply, ctx: ChatCodecContext): Record<string, unknown> {
  const message = String(ctx.body['message'] ?? '');
  const previous = Array.isArray(ctx.body['chat_history']) ? (ctx.body['chat_history'] as unknown[]) : [];
  return {
    response_id: deterministicId('', ctx.requestId, 32),
    text: reply.text,
    generation_id: deterministicId('', `${ctx.requestId}/g`, 32),
    chat_history: [...previous, { role: 'USER', message }, { role: 'CHATBOT', message: reply.text }],
    finish_reason: mapStopReason(reply.stopReason, STOP, 'COMPLETE'),
  };
}

/** Cohere Command R / R+: `{message, chat_history, preamble, …}` -> `{text, finish_reason, …}`. */
export const cohereCommandRCodec: ChatFamilyCodec = {
  parse(body) {
    const message = requiredString(body['message'], 'message');
    optionalNumber(body['temperature'], 'temperature', 0, 1);
    optionalNumber(body['p'], 'p', 0.01, 0.99);
    optionalNumber(body['k'], 'k', 0, 500, true);
    const maxTokens = optionalNumber(body['max_tokens'], 'max_tokens', 1, 4096, true);
    const messages = [...history(body['chat_history']), { role: 'user', text: message }];
    return {
      system: typeof body['preamble'] === 'string' ? body['preamble'] : '',
      messages,
      lastUserText: message,
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      stopSequences: optionalStrings(body['stop_sequences'], 'stop_sequences'),
      tools: [],
    };
  },
  response,
  chunks(reply, ctx) {
    const full = response(reply, ctx);
    return [
      { is_finished: false, event_type: 'stream-start', generation_id: full['generation_id'] },
      ...streamPieces(reply).map((piece) => ({ is_finished: false, event_type: 'text-generation', text: piece.text })),
      { is_finished: true, event_type: 'stream-end', finish_reason: full['finish_reason'], response: full },
    ];
  },
};
