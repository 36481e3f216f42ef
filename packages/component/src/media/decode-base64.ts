const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Bytes of standard base64 text (line breaks and spaces ignored, as MIME base64 wraps lines), or `undefined` when the
 * text is not base64: `Buffer.from(text, 'base64')` alone would skip bad characters silently and send other bytes.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** `data:<mime>[;param…];base64,<data>` taken apart; `undefined` when it is no base64 data URL. */
export function parseDataUrl(url: string): { mimeType: string; base64: string } | undefined {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!match) return undefined;
  const params = (match[2] ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (!params.includes('base64')) return undefined;
  return { mimeType: (match[1] ?? '').trim(), base64: match[3] ?? '' };
}
