/** The client connection preface every HTTP/2 prior-knowledge (h2c) connection starts with. */
export const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/**
 * Classifies the first bytes of a cleartext connection: `'h2'` when they are the full preface,
 * `'http1'` as soon as they diverge from it, `undefined` while they are a strict prefix.
 */
export function classifyPreface(bytes: Buffer): 'h2' | 'http1' | undefined {
  const n = Math.min(bytes.length, HTTP2_PREFACE.length);
  if (bytes.subarray(0, n).compare(HTTP2_PREFACE.subarray(0, n)) !== 0) return 'http1';
  return bytes.length >= HTTP2_PREFACE.length ? 'h2' : undefined;
}
