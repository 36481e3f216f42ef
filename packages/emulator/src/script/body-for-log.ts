/** The request body as the request log shows it: parsed JSON, else the raw text (a rejected body need not be JSON). */
export function bodyForLog(body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
