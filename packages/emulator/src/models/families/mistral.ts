import { validationError } from '../../errors/bedrock-error';
import type { GeneratedReply } from '../chat-request';
import { optionalNumber, optionalStrings, requiredString } from '../validate-fields';
import type { ChatCodecContext, ChatFamilyCodec } from './chat-family-codec';
import { deterministicId } from './deterministic-id';
import { parseOpenAiMessages } from './openai-messages';
import { promptChatRequest } from './prompt-request';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';

const STOP = { max_tokens: 'length', tool_use: 'tool_calls' };
/** Mistral models that also take the chat (`messages`) body. */
const CHAT_MODELS = /^mistral\.(mistral-large|pixtral|magistral|ministral|devstral|voxtral)/;

function isChat(body: Record<string, unknown>): boolean {
  return body['messages'] !== undefined && body['prompt'] === undefined;
}

function chatResponse(reply: GeneratedReply, ctx: ChatCodecContext): unknown {
  const toolCalls = reply.toolUse
    ? [{ id: reply.toolUse.toolUseId, type: 'function', function: { name: reply.toolUse.name, arguments: JSON.stringify(reply.toolUse.input) } }]
    : undefined;
  return {
    id: deterministicId('', ctx.requestId, 32),
    object: 'chat.completion',
    model: ctx.baseModelId,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.text, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: mapStopReason(reply.stopReason, STOP, 'stop'),
      },
    ],
    usage: { prompt_tokens: reply.inputTokens, completion_tokens: reply.outputTokens, total_tokens: reply.inputTokens + reply.outputTokens },
  };
}

/**
 * Mistral: instruct `{prompt: "<s>[INST] … [/INST]", max_tokens, …}` -> `{outputs[{text, stop_reason}]}`;
 * large models also take chat `{messages, …}` -> `{choices[{message, finish_reason}]}`.
 */
export const mistralCodec: ChatFamilyCodec = {
  parse(body, ctx) {
    optionalNumber(body['temperature'], 'temperature', 0, 1);
    optionalNumber(body['top_p'], 'top_p', 0, 1);
    optionalNumber(body['top_k'], 'top_k', 0, 200, true);
    const maxTokens = optionalNumber(body['max_tokens'], 'max_tokens', 1, 32_768, true);
    const stops = optionalStrings(body['stop'], 'stop', 10);
    if (isChat(body)) {
      if (!CHAT_MODELS.test(ctx.baseModelId)) throw validationError('Malformed input request: #: required key [prompt] not found, please reformat your input and try again.');
      const parsed = parseOpenAiMessages(body['messages'], { images: /^mistral\.pixtral/.test(ctx.baseModelId) });
      return { ...parsed, ...(maxTokens !== undefined ? { maxTokens } : {}), stopSequences: stops, tools: [] };
    }
    return promptChatRequest(requiredString(body['prompt'], 'prompt'), maxTokens, stops);
  },
  response(reply, ctx) {
    return isChat(ctx.body) ? chatResponse(reply, ctx) : { outputs: [{ text: reply.text, stop_reason: mapStopReason(reply.stopReason, STOP, 'stop') }] };
  },
  chunks(reply, ctx) {
    const pieces = streamPieces(reply);
    return pieces.map((piece, i) => {
      const stop = i === pieces.length - 1 ? mapStopReason(reply.stopReason, STOP, 'stop') : null;
      return isChat(ctx.body)
        ? { choices: [{ index: 0, message: { role: 'assistant', content: piece.text }, stop_reason: stop }] }
        : { outputs: [{ text: piece.text, stop_reason: stop }] };
    });
  },
};
