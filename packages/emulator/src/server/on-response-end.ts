import type { AnyResponse } from './request-handler';

/**
 * Calls `onEnd` synchronously when the emulator ends `res` (`res.end()`, which for HTTP/2 ends the
 * stream), and on `'close'` for a response that never ends (client abort, reset, cut stream).
 * `'finish'` alone is too late: it waits for the socket write callback, and a client in the same
 * process can have read the whole response by then. `onEnd` runs at most once.
 */
export function onResponseEnd(res: AnyResponse, onEnd: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    onEnd();
  };
  const end = res.end as (...args: unknown[]) => AnyResponse;
  // An own property shadows the prototype's end() for this response only.
  (res as { end: (...args: unknown[]) => AnyResponse }).end = function endAndSettle(this: AnyResponse, ...args: unknown[]) {
    once();
    return end.apply(this, args);
  };
  res.once('finish', once);
  res.once('close', once);
}
