import { EmulatorWaitTimeoutError } from '../errors/emulator-wait-timeout-error';

/** How often the open-connection gauge is polled while waiting. */
const POLL_MS = 5;

/** Resolves when `currentOpen()` equals `open`; rejects after `timeoutMs`. Its timers never hold the process. */
export function waitForOpenConnections(currentOpen: () => number, open: number, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const check = (): void => {
      const now = currentOpen();
      if (now === open) {
        resolve();
        return;
      }
      if (Date.now() >= deadline) {
        reject(new EmulatorWaitTimeoutError(`expected ${open} open connection(s), still ${now} after ${timeoutMs} ms`));
        return;
      }
      setTimeout(check, POLL_MS).unref();
    };
    check();
  });
}
