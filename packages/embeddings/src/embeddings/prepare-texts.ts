import { EmbeddingInputError } from '../errors/embedding-input-error';
import type { CohereTruncate } from './cohere-body';

/** How {@link prepareTexts} treats each text. */
export interface PrepareTextsOptions {
  /** Characters per text the model accepts. */
  maxChars: number;
  /** Replace `\n` with a space, as `BedrockEmbeddings` and langchain-aws do. */
  stripNewLines: boolean;
  /** Cohere only: `START`/`END` cut an over-long text to `maxChars` on that side; `NONE`/absent refuse it. */
  truncate?: CohereTruncate;
}

/** Cuts `text` to at most `max` UTF-16 units from the end or the start, never splitting a surrogate pair. */
function cutText(text: string, max: number, side: 'START' | 'END'): string {
  if (side === 'END') {
    let end = max;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    return text.slice(0, end);
  }
  let start = text.length - max;
  const first = text.charCodeAt(start);
  if (first >= 0xdc00 && first <= 0xdfff) start += 1;
  return text.slice(start);
}

/**
 * Checks every text before any request is sent and returns the texts to send. Refuses a
 * non-string, an empty string, or a text over `maxChars` (unless a Cohere `truncate` side is
 * set, in which case the text is cut to `maxChars` on that side). Throws {@link EmbeddingInputError}
 * with the index of the first bad text.
 */
export function prepareTexts(texts: readonly unknown[], options: PrepareTextsOptions): string[] {
  return texts.map((text, index) => {
    if (typeof text !== 'string') {
      throw new EmbeddingInputError(index, 'not-a-string', `expected a string, got ${text === null ? 'null' : typeof text}`);
    }
    if (text.length === 0) {
      throw new EmbeddingInputError(index, 'empty', 'the text is empty; Bedrock embedding models need at least one character');
    }
    const prepared = options.stripNewLines ? text.replace(/\n/g, ' ') : text;
    if (prepared.length <= options.maxChars) return prepared;
    if (options.truncate === 'START' || options.truncate === 'END') {
      return cutText(prepared, options.maxChars, options.truncate);
    }
    throw new EmbeddingInputError(
      index,
      'too-long',
      `${prepared.length} characters, over the model's limit of ${options.maxChars}` +
        (options.truncate === undefined ? '' : '; set truncate to "END" or "START" to cut it instead'),
    );
  });
}
