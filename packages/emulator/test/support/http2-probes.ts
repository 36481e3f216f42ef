import type http2 from 'node:http2';
import { userMessage } from './clients';

/** Whether one HTTP/2 PING is acknowledged within `ms`. */
export function pingAcked(session: http2.ClientHttp2Session, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    session.ping((error) => {
      clearTimeout(timer);
      resolve(!error);
    });
  });
}

/**
 * Sends one unsigned Converse request for `modelId` on `session` (for an emulator with `auth: 'none'`) and returns
 * whether its response headers have arrived so far. Stream errors are ignored: the tests watch the connection.
 */
export function sendRawConverse(session: http2.ClientHttp2Session, modelId: string, text: string): { answered(): boolean } {
  const req = session.request({ ':method': 'POST', ':path': `/model/${modelId}/converse`, 'content-type': 'application/json' });
  req.on('error', () => undefined);
  let answered = false;
  req.on('response', () => {
    answered = true;
  });
  req.end(JSON.stringify({ messages: [userMessage(text)] }));
  return { answered: () => answered };
}
