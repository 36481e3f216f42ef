import type { ModelRequestView } from '../types';

/** How many decoded requests `requests()` keeps. */
export const REQUEST_LOG_LIMIT = 1000;

/** The last {@link REQUEST_LOG_LIMIT} decoded model requests, oldest first. */
export class RequestLog {
  private readonly items: ModelRequestView[] = [];

  add(view: ModelRequestView): void {
    this.items.push(view);
    if (this.items.length > REQUEST_LOG_LIMIT) this.items.splice(0, this.items.length - REQUEST_LOG_LIMIT);
  }

  list(): ModelRequestView[] {
    return structuredClone(this.items);
  }
}
