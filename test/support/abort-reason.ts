/**
 * An abort reason made in the test's realm. Under jest, `AbortSignal.abort()`'s default reason is a DOMException from
 * Node's realm, which fails `instanceof Error` in the sandbox, so LangChain (`getAbortSignalError`) replaces it with
 * `new Error("Aborted")` — an artifact production does not have. A same-realm `AbortError` keeps the real behaviour.
 */
export function abortReason(message = 'aborted by the test'): Error {
  const reason = new Error(message);
  reason.name = 'AbortError';
  return reason;
}

/** A controller whose `abort()` uses {@link abortReason}. */
export function abortController(): { signal: AbortSignal; abort(): void } {
  const controller = new AbortController();
  return { signal: controller.signal, abort: () => controller.abort(abortReason()) };
}
