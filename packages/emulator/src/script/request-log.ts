import type { ModelRequestView } from '../types';

/** How many decoded requests `requests()` keeps. */
export const REQUEST_LOG_LIMIT = 1000;

/** A request log entry before it is numbered. */
export type UnnumberedRequestView = Omit<ModelRequestView, 'seq'>;

/**
 * The last {@link REQUEST_LOG_LIMIT} decoded model requests, oldest first, each numbered with a
 * `seq` that only grows (clearing the log does not restart it).
 */
export class RequestLog {
  private readonly items: ModelRequestView[] = [];
  private lastSeq = 0;

  /** Numbers and appends `view`; returns the stored entry (the caller may still set `error` on it). */
  add(view: UnnumberedRequestView): ModelRequestView {
    this.lastSeq += 1;
    const entry: ModelRequestView = { seq: this.lastSeq, ...view };
    this.items.push(entry);
    if (this.items.length > REQUEST_LOG_LIMIT) this.items.splice(0, this.items.length - REQUEST_LOG_LIMIT);
    return entry;
  }

  /** A deep copy of the entries, oldest first. */
  list(): ModelRequestView[] {
    return structuredClone(this.items);
  }

  /** Drops every entry (`seq` keeps counting). */
  clear(): void {
    this.items.length = 0;
  }
}
