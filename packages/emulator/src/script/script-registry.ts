import type { ModelRequestView, ReplyScript, ScriptedReply } from '../types';

/** Scripted replies keyed by model matcher; the most recently added match wins. */
export class ScriptRegistry {
  private entries: Array<{ match: string | RegExp; reply: ReplyScript }> = [];

  /** Adds (or, with `undefined`, removes) the script for `match`. */
  set(match: string | RegExp, reply: ReplyScript | undefined): void {
    const key = String(match);
    this.entries = this.entries.filter((e) => String(e.match) !== key || typeof e.match !== typeof match);
    if (reply !== undefined) this.entries.push({ match, reply });
  }

  /** The scripted reply for a request, when one matches its model id (exact or RegExp) or family. */
  replyFor(view: ModelRequestView): ScriptedReply | undefined {
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const { match, reply } = this.entries[i]!;
      const hit = typeof match === 'string' ? match === view.modelId || match === view.family : match.test(view.modelId);
      if (hit) return typeof reply === 'function' ? reply(view) : reply;
    }
    return undefined;
  }
}
