/** Reply text split into the model's visible answer and its reasoning (chain of thought). */
export interface SplitText {
  /** The answer text, outside the reasoning tags. */
  text: string;
  /** The reasoning text, inside the tags (tags removed). */
  reasoning: string;
}

/** The tag pair a family wraps its reasoning in, and whether the reply starts inside it. */
export interface ReasoningTags {
  /** Opening tag, e.g. `<reasoning>` (OpenAI gpt-oss) or `<think>` (DeepSeek R1). */
  open: string;
  /** Closing tag, e.g. `</reasoning>` or `</think>`. */
  close: string;
  /**
   * Whether the reply starts inside the reasoning, because the prompt already opened it (DeepSeek R1's template
   * ends with `<think>\n`, so the model's text runs until `</think>` before the answer). Default `false`.
   */
  startsInside?: boolean;
  /**
   * Drop the whitespace right after an opening or closing tag and right before a closing tag (DeepSeek R1 writes
   * `\n</think>\n\n` between reasoning and answer; the text and reasoning should not keep those newlines).
   * Default `false`: the text is kept as sent.
   */
  trimAroundTags?: boolean;
}

/** The length of the longest suffix of `text` that is a proper prefix of `tag` (a tag cut by a chunk boundary). */
function partialTagLength(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) if (text.endsWith(tag.slice(0, n))) return n;
  return 0;
}

/**
 * Splits text that interleaves answer and `<tag>reasoning</tag>` spans, across stream chunks: a tag may be cut
 * anywhere by a chunk boundary, so the end of a chunk that could be the start of a tag is held back until the next
 * chunk (or {@link flush}) decides. While inside the reasoning, a repeated opening tag is dropped, because gpt-oss
 * streams every reasoning piece in its own tag pair and DeepSeek R1 may repeat the `<think>` its prompt opened.
 */
export class ReasoningSplitter {
  private inside: boolean;
  private pending = '';
  /** Whether whitespace is being dropped because a tag was just passed (only with `trimAroundTags`). */
  private skipSpace: boolean;

  constructor(private readonly tags: ReasoningTags) {
    this.inside = tags.startsInside ?? false;
    this.skipSpace = (tags.trimAroundTags ?? false) && this.inside;
  }

  /** The answer and reasoning text that `chunk` completes (possibly empty while a tag is undecided). */
  push(chunk: string): SplitText {
    let rest = this.pending + chunk;
    this.pending = '';
    const out: SplitText = { text: '', reasoning: '' };
    const trim = this.tags.trimAroundTags ?? false;
    for (;;) {
      if (this.skipSpace) {
        const kept = rest.trimStart();
        if (kept) this.skipSpace = false;
        rest = kept;
      }
      const { open, close } = this.tags;
      const closeAt = this.inside ? rest.indexOf(close) : -1;
      const openAt = rest.indexOf(open);
      if (this.inside) {
        // A nested or repeated opening tag before the close carries no text of its own.
        if (openAt >= 0 && (closeAt < 0 || openAt < closeAt)) {
          out.reasoning += rest.slice(0, openAt);
          rest = rest.slice(openAt + open.length);
          this.skipSpace = trim;
          continue;
        }
        if (closeAt >= 0) {
          const before = rest.slice(0, closeAt);
          out.reasoning += trim ? before.trimEnd() : before;
          rest = rest.slice(closeAt + close.length);
          this.inside = false;
          this.skipSpace = trim;
          continue;
        }
        // Whitespace at the end (or before a cut tag) may turn out to be the space before the close: hold it too.
        const tagHold = Math.max(partialTagLength(rest, close), partialTagLength(rest, open));
        const body = rest.slice(0, rest.length - tagHold);
        const hold = tagHold + (trim ? body.length - body.trimEnd().length : 0);
        out.reasoning += rest.slice(0, rest.length - hold);
        this.pending = rest.slice(rest.length - hold);
        return out;
      }
      if (openAt >= 0) {
        out.text += rest.slice(0, openAt);
        rest = rest.slice(openAt + open.length);
        this.inside = true;
        this.skipSpace = trim;
        continue;
      }
      const hold = partialTagLength(rest, open);
      out.text += rest.slice(0, rest.length - hold);
      this.pending = rest.slice(rest.length - hold);
      return out;
    }
  }

  /** Whatever is still held back at the end of the stream, as the text or reasoning it was in. */
  flush(): SplitText {
    const rest = this.pending;
    this.pending = '';
    return this.inside ? { text: '', reasoning: rest } : { text: rest, reasoning: '' };
  }
}

/** Split a complete reply at its reasoning tags (see {@link ReasoningSplitter}). */
export function splitReasoning(text: string, tags: ReasoningTags): SplitText {
  const splitter = new ReasoningSplitter(tags);
  const head = splitter.push(text);
  const tail = splitter.flush();
  return { text: head.text + tail.text, reasoning: head.reasoning + tail.reasoning };
}
