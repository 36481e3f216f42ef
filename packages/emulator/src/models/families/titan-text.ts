import { asObject, optionalNumber, optionalStrings, requiredString } from '../validate-fields';
import type { ChatFamilyCodec } from './chat-family-codec';
import { promptChatRequest } from './prompt-request';
import { mapStopReason } from './stop-reason-map';
import { streamPieces } from './stream-pieces';

const STOP = { max_tokens: 'LENGTH', stop_sequence: 'STOP_CRITERIA_MET', content_filtered: 'CONTENT_FILTERED' };

/** Amazon Titan text: `{inputText, textGenerationConfig}` -> `{inputTextTokenCount, results[…]}`. */
export const titanTextCodec: ChatFamilyCodec = {
  parse(body) {
    const inputText = requiredString(body['inputText'], 'inputText');
    const config = body['textGenerationConfig'] === undefined ? {} : asObject(body['textGenerationConfig'], 'textGenerationConfig');
    const maxTokens = optionalNumber(config['maxTokenCount'], 'textGenerationConfig.maxTokenCount', 1, 8192, true);
    optionalNumber(config['temperature'], 'textGenerationConfig.temperature', 0, 1);
    optionalNumber(config['topP'], 'textGenerationConfig.topP', 0, 1);
    return promptChatRequest(inputText, maxTokens, optionalStrings(config['stopSequences'], 'textGenerationConfig.stopSequences'));
  },
  response(reply) {
    return {
      inputTextTokenCount: reply.inputTokens,
      results: [{ tokenCount: reply.outputTokens, outputText: reply.text, completionReason: mapStopReason(reply.stopReason, STOP, 'FINISH') }],
    };
  },
  chunks(reply) {
    const pieces = streamPieces(reply);
    return pieces.map((piece, i) => {
      const last = i === pieces.length - 1;
      return {
        outputText: piece.text,
        index: 0,
        totalOutputTextTokenCount: last ? reply.outputTokens : piece.tokensSoFar,
        completionReason: last ? mapStopReason(reply.stopReason, STOP, 'FINISH') : null,
        ...(i === 0 ? { inputTextTokenCount: reply.inputTokens } : {}),
      };
    });
  },
};
