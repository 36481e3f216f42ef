import { optionalNumber, optionalStrings, requiredString } from '../validate-fields';
import type { ChatFamilyCodec } from './chat-family-codec';
import { deterministicId } from './deterministic-id';
import { promptChatRequest } from './prompt-request';
import { mapStopReason } from './stop-reason-map';

const STOP = { max_tokens: 'length', stop_sequence: 'stop' };

/** AI21 Jurassic-2: `{prompt, maxTokens, temperature, topP, stopSequences}` -> `{completions[{data:{text}}]}`. No streaming. */
export const ai21J2Codec: ChatFamilyCodec = {
  parse(body) {
    const prompt = requiredString(body['prompt'], 'prompt');
    optionalNumber(body['temperature'], 'temperature', 0, 1);
    optionalNumber(body['topP'], 'topP', 0, 1);
    const maxTokens = optionalNumber(body['maxTokens'], 'maxTokens', 1, 8191, true);
    return promptChatRequest(prompt, maxTokens, optionalStrings(body['stopSequences'], 'stopSequences'));
  },
  response(reply, ctx) {
    return {
      id: deterministicId('', ctx.requestId, 16),
      prompt: { text: typeof ctx.body['prompt'] === 'string' ? ctx.body['prompt'] : '', tokens: [] },
      completions: [{ data: { text: reply.text, tokens: [] }, finishReason: { reason: mapStopReason(reply.stopReason, STOP, 'endoftext') } }],
    };
  },
};
