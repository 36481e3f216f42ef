import type { AnyResponse } from './request-handler';

/**
 * Waits `ms` (or forever for `Infinity`) unless the response closes first.
 * Resolves `true` when the time elapsed, `false` when the client or the server went away.
 */
export function waitUnlessClosed(res: AnyResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed || res.writableEnded) {
      resolve(false);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const onClose = (): void => {
      if (timer) clearTimeout(timer);
      resolve(false);
    };
    res.once('close', onClose);
    if (Number.isFinite(ms)) {
      timer = setTimeout(() => {
        res.removeListener('close', onClose);
        resolve(true);
      }, ms);
    }
  });
}
