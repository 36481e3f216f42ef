import type { GeneratedReply } from '../chat-request';
import { splitIntoDeltas } from '../generate-reply';
import { countTokens } from '../tokenizer';

/** Reply text as stream pieces (one word each), with the running output token count after each. */
export function streamPieces(reply: GeneratedReply): Array<{ text: string; tokensSoFar: number }> {
  const pieces = splitIntoDeltas(reply.text);
  if (pieces.length === 0) pieces.push('');
  let sofar = '';
  return pieces.map((text) => {
    sofar += text;
    return { text, tokensSoFar: countTokens(sofar) };
  });
}
