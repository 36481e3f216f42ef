import http from 'node:http';
import https from 'node:https';
import type { RunningEmulator } from '@bedrock-flow/emulator';

/** A bare HTTP/1.1 request (no SDK, no signature) to the emulator. */
export function rawRequest(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const mod = emu.ca ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(`${emu.url}${path}`, { method, agent: false, headers, ...(emu.ca ? { ca: emu.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
